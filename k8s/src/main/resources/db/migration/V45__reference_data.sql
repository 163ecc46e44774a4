-- Reference data the skills read besides the fixes: admin areas (point in polygon) and a gazetteer of places (nearest
-- place). Each file loaded is one row of reference_loads; its rows carry that load's id. A load writes its rows and
-- becomes the active one of its kind in one transaction, so a reader that resolves the active load id once and reads
-- by that id sees one whole load, never a mix. Older loads stay until pruned, so a task that started on one keeps it.
CREATE TABLE reference_loads (
    -- Identity of the load; the rows of admin_areas / places carry it.
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What was loaded: 'admin' (admin_areas) or 'places' (places).
    kind           text        NOT NULL CHECK (kind IN ('admin', 'places')),
    -- The file name as given to the load (for people; the checksum identifies the content).
    source_file    text        NOT NULL,
    -- SHA-256 of the file's bytes, lower-case hex: with kind and options, what makes a reload a no-op.
    checksum       text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    -- Licence and attribution text the user gave for the data (shown with results); empty when none was given.
    attribution    text        NOT NULL DEFAULT '',
    -- The parser options used (property or column names, level), resolved to their values, as a JSON object.
    options        jsonb       NOT NULL,
    -- Rows the load wrote into its table.
    row_count      integer     NOT NULL CHECK (row_count >= 0),
    -- When the load committed.
    loaded_at      timestamptz NOT NULL DEFAULT now(),
    -- Whether this is the load readers of its kind use now; at most one per kind.
    active         boolean     NOT NULL DEFAULT false,
    -- When another load replaced this one as active (null while active or never active): pruning waits a grace
    -- period after it, since a task that resolved this load before may still be reading it.
    deactivated_at timestamptz,
    UNIQUE (kind, checksum, options)
);
COMMENT ON TABLE reference_loads IS 'One row per reference file loaded; at most one active load per kind.';

-- Readers resolve the active load of a kind by this index; it also refuses a second active load of a kind.
CREATE UNIQUE INDEX reference_loads_active ON reference_loads (kind) WHERE active;

CREATE TABLE admin_areas (
    -- The load the area belongs to; deleting a load (prune) deletes its areas.
    load_id       bigint           NOT NULL REFERENCES reference_loads (id) ON DELETE CASCADE,
    -- Position of the feature in the source FeatureCollection (0-based): names it in messages, orders the rows.
    feature_index integer          NOT NULL CHECK (feature_index >= 0),
    -- Administrative level: 0 country, 1 state/province, 2 county/district (as the load's options say).
    level         smallint         NOT NULL CHECK (level BETWEEN 0 AND 10),
    -- The area's code, e.g. ISO 3166-2 'AR-E' for Natural Earth admin-1.
    code          text             NOT NULL,
    -- Country code of the area (ISO 3166-1 alpha-2 or alpha-3 as the file has it); empty when the file has none.
    country       text             NOT NULL,
    -- The area's name as the file gives it (may be empty: six Natural Earth admin-1 areas have none).
    name          text             NOT NULL,
    -- Polygon or MultiPolygon in WGS 84 lon/lat as WKB (the embedded PostgreSQL has no PostGIS).
    geometry      bytea            NOT NULL,
    -- Bounding box of the geometry in degrees, for readers that want only a region.
    min_lat       double precision NOT NULL,
    min_lon       double precision NOT NULL,
    max_lat       double precision NOT NULL,
    max_lon       double precision NOT NULL,
    -- Readers read one load whole, by load_id.
    PRIMARY KEY (load_id, feature_index)
);
COMMENT ON TABLE admin_areas IS 'Administrative areas of each admin load (see reference_loads).';

CREATE TABLE places (
    -- The load the place belongs to; deleting a load (prune) deletes its places.
    load_id    bigint           NOT NULL REFERENCES reference_loads (id) ON DELETE CASCADE,
    -- Position of the record in the source file (0-based): orders the rows.
    row_index  integer          NOT NULL CHECK (row_index >= 0),
    -- The place's name as the file gives it (may be empty: two rows of rg_cities1000.csv have none).
    name       text             NOT NULL,
    -- WGS 84 latitude and longitude in degrees.
    lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon        double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    -- Country code (GeoNames: ISO 3166-1 alpha-2); empty when the file has none.
    country    text             NOT NULL,
    -- First- and second-level admin names or codes as the file gives them; empty when none.
    admin1     text             NOT NULL,
    admin2     text             NOT NULL,
    -- Population when the file has a population column; null otherwise.
    population bigint           CHECK (population >= 0),
    -- Readers read one load whole, by load_id.
    PRIMARY KEY (load_id, row_index)
);
COMMENT ON TABLE places IS 'Gazetteer places of each places load (see reference_loads).';
