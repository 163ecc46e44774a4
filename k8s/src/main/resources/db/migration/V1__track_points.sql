-- The positions recorded by the tracks app (and by imports), one row per fix. Skills never update or delete these
-- rows: results live in each skill's own tables, keyed by the point id where they are per point.
CREATE TABLE track_points (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      text             NOT NULL CHECK (length(user_id) BETWEEN 1 AND 128),
    device_id    text,
    recorded_at  timestamptz      NOT NULL,
    lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon          double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    altitude_m   double precision,
    speed_mps    double precision CHECK (speed_mps >= 0),
    accuracy_m   double precision CHECK (accuracy_m >= 0),
    heading_deg  double precision CHECK (heading_deg >= 0 AND heading_deg < 360),
    -- Where the fix came from: 'app', 'import:gpx', 'import:plt', ..., or 'trajectory_completion'.
    source       text             NOT NULL DEFAULT 'app',
    -- True for fixes made up by trajectory_completion; stay detection and statistics ignore them.
    is_synthetic boolean          NOT NULL DEFAULT false,
    -- A transport mode label the user gave (e.g. GeoLife labels.txt); ground truth for evaluation only.
    label_mode   text,
    -- When the row arrived. Together with the id (which grows with arrival) it tells late points, recorded before a
    -- skill's watermark but arriving after it, from new ones.
    received_at  timestamptz      NOT NULL DEFAULT now()
);

-- Every skill streams one user's points in time order.
CREATE INDEX track_points_user_recorded_at ON track_points (user_id, recorded_at);
