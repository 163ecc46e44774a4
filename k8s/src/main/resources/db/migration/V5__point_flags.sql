-- outlier_detection: fixes flagged as impossible, with the reason. Flagged fixes stay in track_points (never deleted);
-- every later skill reads only fixes without a flag.
CREATE TABLE point_flags (
    point_id    bigint      NOT NULL REFERENCES track_points (id) ON DELETE CASCADE,
    user_id     text        NOT NULL,
    -- The fix's recorded_at: a run replaces a user's flags from a time on.
    recorded_at timestamptz NOT NULL,
    reason      text        NOT NULL
        CHECK (reason IN ('SPEED', 'JUMP', 'DRIFT', 'BACKTRACK', 'DUPLICATE_TIME', 'LOW_ACCURACY')),
    PRIMARY KEY (point_id, reason)
);

CREATE INDEX point_flags_user_recorded_at ON point_flags (user_id, recorded_at);
