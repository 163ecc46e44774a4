-- The status mirror: one row per AnalysisTask resource, upserted by the API service's informer. Listing reads only
-- this table, never the Kubernetes API, and rows outlive their resources (deleted_at) as history.
CREATE TABLE analysis_tasks (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    namespace           text        NOT NULL,
    name                text        NOT NULL,
    -- metadata.uid: a deleted and re-created task of the same name is a new row.
    uid                 uuid        NOT NULL UNIQUE,
    -- metadata.resourceVersion of the state mirrored here; older events are not applied over newer ones.
    resource_version    text,
    generation          bigint,
    skill_name          text        NOT NULL,
    task_type           text        NOT NULL CHECK (task_type IN ('INCREMENTAL', 'FULL_RECOMPUTE')),
    status              text        NOT NULL DEFAULT 'Pending'
        CHECK (status IN ('Pending', 'Waiting', 'Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled')),
    priority            integer     NOT NULL DEFAULT 0,
    params              jsonb       NOT NULL DEFAULT '{}',
    scope               jsonb,
    progress_percent    double precision CHECK (progress_percent BETWEEN 0 AND 100),
    eta_seconds         bigint CHECK (eta_seconds >= 0),
    points_per_second   double precision CHECK (points_per_second >= 0),
    total_points        bigint CHECK (total_points >= 0),
    processed_points    bigint CHECK (processed_points >= 0),
    failed_points       bigint CHECK (failed_points >= 0),
    attempts            integer CHECK (attempts >= 0),
    job_name            text,
    -- The chain (trigger-chain call) this task belongs to, if any.
    chain_id            text,
    start_time          timestamptz,
    end_time            timestamptz,
    result_summary      jsonb,
    error_message       text,
    -- Dependencies by name (as in spec.dependsOn) and, once their rows exist, by mirror id, both ways.
    depends_on          text[]      NOT NULL DEFAULT '{}',
    depends_on_task_ids bigint[]    NOT NULL DEFAULT '{}',
    blocks_task_ids     bigint[]    NOT NULL DEFAULT '{}',
    created_by          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    -- When the resource was deleted (by a user or its TTL); null while it exists.
    deleted_at          timestamptz,
    CHECK (end_time IS NULL OR start_time IS NULL OR end_time >= start_time)
);

CREATE INDEX analysis_tasks_status_created ON analysis_tasks (status, created_at DESC);
CREATE INDEX analysis_tasks_skill_created ON analysis_tasks (skill_name, created_at DESC);
CREATE INDEX analysis_tasks_created ON analysis_tasks (created_at DESC);
CREATE INDEX analysis_tasks_namespace_name ON analysis_tasks (namespace, name);
CREATE INDEX analysis_tasks_chain ON analysis_tasks (chain_id) WHERE chain_id IS NOT NULL;
