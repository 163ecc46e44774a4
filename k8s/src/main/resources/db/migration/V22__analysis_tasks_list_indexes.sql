-- GET /tasks serves its pages from indexes: for each sort key (created_at, updated_at, priority, status, skill_name;
-- id is the primary key) one index on (key, id), because the listing orders by the key and then by id in the same
-- direction, which one btree serves forwards and backwards; and the same for each equality filter (status,
-- skill_name) followed by the key, so that a filtered page reads only matching rows in order instead of sorting all
-- of them (status=Failed, sort=-updated_at sorted 60,000 rows per request: 211 ms at 1,000,000 rows). Not (status,
-- skill_name, id): the planner took it for skill_name filters sorted by status, scanning every status (54 ms), and a
-- status filter sorted by skill_name finds its rows fast enough in (skill_name, id). The capped count for `total`
-- (at most 10,001 rows) reads the same indexes. EXPLAIN ANALYZE of the combinations at 1,000,000 rows:
-- docs/benchmarks.md, "Admin API". The three indexes of V3 that ordered by created_at alone are replaced.
DROP INDEX analysis_tasks_status_created;
DROP INDEX analysis_tasks_skill_created;
DROP INDEX analysis_tasks_created;

CREATE INDEX analysis_tasks_by_created ON analysis_tasks (created_at, id);
CREATE INDEX analysis_tasks_by_updated ON analysis_tasks (updated_at, id);
CREATE INDEX analysis_tasks_by_priority ON analysis_tasks (priority, id);
CREATE INDEX analysis_tasks_by_status ON analysis_tasks (status, id);
CREATE INDEX analysis_tasks_by_skill ON analysis_tasks (skill_name, id);

CREATE INDEX analysis_tasks_status_by_created ON analysis_tasks (status, created_at, id);
CREATE INDEX analysis_tasks_status_by_updated ON analysis_tasks (status, updated_at, id);
CREATE INDEX analysis_tasks_status_by_priority ON analysis_tasks (status, priority, id);

CREATE INDEX analysis_tasks_skill_by_created ON analysis_tasks (skill_name, created_at, id);
CREATE INDEX analysis_tasks_skill_by_updated ON analysis_tasks (skill_name, updated_at, id);
CREATE INDEX analysis_tasks_skill_by_priority ON analysis_tasks (skill_name, priority, id);
CREATE INDEX analysis_tasks_skill_by_status ON analysis_tasks (skill_name, status, id);

-- include_deleted=false: the live rows (tasks whose resources still exist, a TTL's worth) are a small part of the
-- history and sit at its newest end, so a page ordered the other way walked the whole deleted history before
-- finding them (created_at ascending: 838 ms at 1,000,000 rows); these partial indexes hold the live rows only.
CREATE INDEX analysis_tasks_live_by_created ON analysis_tasks (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX analysis_tasks_live_by_updated ON analysis_tasks (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX analysis_tasks_live_by_priority ON analysis_tasks (priority, id) WHERE deleted_at IS NULL;
CREATE INDEX analysis_tasks_live_by_status ON analysis_tasks (status, id) WHERE deleted_at IS NULL;
CREATE INDEX analysis_tasks_live_by_skill ON analysis_tasks (skill_name, id) WHERE deleted_at IS NULL;
CREATE INDEX analysis_tasks_live_by_id ON analysis_tasks (id) WHERE deleted_at IS NULL;
