-- POST /imports also takes zip archives (and .gz files, stored with the format of their content): a data_import task
-- reads an archive's entries one after another, as it reads a folder.
ALTER TABLE import_sources DROP CONSTRAINT import_sources_format_check;
ALTER TABLE import_sources ADD CONSTRAINT import_sources_format_check
    CHECK (format IN ('GPX', 'PLT', 'CSV', 'GEOJSON', 'ZIP'));
