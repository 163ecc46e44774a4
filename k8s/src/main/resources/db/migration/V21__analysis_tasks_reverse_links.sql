-- The mirror finds the tasks that depend on a task (and the rows linked to it) by array containment; these GIN
-- indexes make each such lookup an index probe instead of a scan of all live rows, which made the resync after a
-- restart quadratic in the number of live tasks (docs/benchmarks.md, "Admin API").
CREATE INDEX analysis_tasks_live_depends_on ON analysis_tasks USING gin (depends_on) WHERE deleted_at IS NULL;
CREATE INDEX analysis_tasks_live_depends_on_ids ON analysis_tasks USING gin (depends_on_task_ids)
    WHERE deleted_at IS NULL;
CREATE INDEX analysis_tasks_live_blocks_ids ON analysis_tasks USING gin (blocks_task_ids) WHERE deleted_at IS NULL;
