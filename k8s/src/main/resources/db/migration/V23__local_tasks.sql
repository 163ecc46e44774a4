-- The local mode (the API service without a cluster) keeps here what the Kubernetes API and the Jobs keep in a
-- cluster: the AnalysisTask resources, and the runs (worker processes) of each task, one row per attempt. In a
-- cluster both tables stay empty.
CREATE TABLE local_tasks (
    uid              uuid   PRIMARY KEY,
    namespace        text   NOT NULL,
    name             text   NOT NULL,
    -- The whole resource (metadata, spec, status) as the Kubernetes API would return it.
    resource         jsonb  NOT NULL,
    finished         boolean NOT NULL DEFAULT false,
    UNIQUE (namespace, name)
);

CREATE INDEX local_tasks_unfinished ON local_tasks (namespace) WHERE NOT finished;

-- metadata.resourceVersion of local resources: increases with every change, as in the Kubernetes API.
CREATE SEQUENCE local_resource_versions;

CREATE TABLE local_task_runs (
    task_uid     uuid        NOT NULL REFERENCES local_tasks (uid) ON DELETE CASCADE,
    attempt      integer     NOT NULL CHECK (attempt >= 1),
    -- The task's metadata.generation the attempt was started with.
    generation   bigint      NOT NULL,
    pid          bigint,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    exit_code    integer,
    -- Why it failed (the worker's one-line reason, or what stopped it); null when it succeeded.
    reason       text,
    message      text,
    PRIMARY KEY (task_uid, attempt)
);
