-- The status mirror's lookups (dependency links by name, the resync after a restart) only concern the live rows of
-- one namespace; this index keeps their cost bounded by the live tasks while deleted rows accumulate as history.
CREATE INDEX analysis_tasks_live ON analysis_tasks (namespace, name) WHERE deleted_at IS NULL;
