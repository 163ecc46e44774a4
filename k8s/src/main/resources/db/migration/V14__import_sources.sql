-- Files uploaded through the admin API (POST /imports), kept in PostgreSQL until a data_import task has read them:
-- the API service and the worker pods share no filesystem. Stored in chunks of at most 1 MiB, so neither side ever
-- holds a whole file in memory. A data_import task reads one with params.source = 'upload:<id>'.
CREATE TABLE import_sources (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name  text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    format     text        NOT NULL CHECK (format IN ('GPX', 'PLT', 'CSV', 'GEOJSON')),
    user_id    text CHECK (length(user_id) BETWEEN 1 AND 128),
    size_bytes bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256     text        NOT NULL,
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE import_source_chunks (
    source_id bigint  NOT NULL REFERENCES import_sources (id) ON DELETE CASCADE,
    seq       integer NOT NULL CHECK (seq >= 0),
    data      bytea   NOT NULL,
    PRIMARY KEY (source_id, seq)
);
