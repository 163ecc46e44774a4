-- Phase Retrying: an attempt failed and the next one starts after the backoff (status.lastFailure says why; the
-- mirror shows it as error_message until the task ends).
ALTER TABLE analysis_tasks DROP CONSTRAINT analysis_tasks_status_check;
ALTER TABLE analysis_tasks ADD CONSTRAINT analysis_tasks_status_check
    CHECK (status IN ('Pending', 'Waiting', 'Queued', 'Running', 'Retrying', 'Succeeded', 'Failed', 'Cancelled'));
