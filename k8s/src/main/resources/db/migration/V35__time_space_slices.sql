-- time_space_slicing: per user, local time bucket and H3 cell (grid_system's resolution), the fixes in the cell, the
-- time spent there and the distance travelled from there within the bucket. Buckets are local: hours, days, ISO weeks
-- (Monday to Sunday) or months of the user's time zone at the fix, so a day with a DST change lasts 23 or 25 hours
-- and has as many hourly buckets (the 02:00 hour of a fall-back night occurs twice, told apart by bucket_start).
CREATE TABLE time_space_slices (
    user_id           text             NOT NULL,
    -- The task's granularity: HOUR, DAY, WEEK (ISO, from Monday) or MONTH.
    granularity       text             NOT NULL CHECK (granularity IN ('HOUR', 'DAY', 'WEEK', 'MONTH')),
    -- The bucket as a span of time, [bucket_start, bucket_end).
    bucket_start      timestamptz      NOT NULL,
    bucket_end        timestamptz      NOT NULL,
    -- The bucket's start on the wall clock of its zone.
    local_start       timestamp        NOT NULL,
    -- The IANA zone of the bucket and where it came from: user (user_time_zones), location (the zone at the fix) or
    -- parameter (the task's timeZone).
    zone              text             NOT NULL,
    zone_source       text             NOT NULL CHECK (zone_source IN ('user', 'location', 'parameter')),
    -- H3 cell index (64-bit) and its resolution, grid_system's.
    cell              bigint           NOT NULL,
    resolution        smallint         NOT NULL CHECK (resolution BETWEEN 0 AND 15),
    -- Fixes recorded in the cell during the bucket; 0 when the bucket only holds time carried over from a fix
    -- before it (the user was last seen in the cell when the bucket began).
    n_points          integer          NOT NULL CHECK (n_points >= 0),
    -- Time from each fix in the cell to the next fix, cut at the bucket's bounds; intervals longer than the task's
    -- maxDwellGapSeconds count nothing.
    dwell_seconds     double precision NOT NULL CHECK (dwell_seconds >= 0),
    -- Distance from each fix in the cell to the next fix (great circle), shared among buckets like the time.
    distance_m        double precision NOT NULL CHECK (distance_m >= 0),
    -- The first fix that contributes to the row: its first fix in the cell, or, for time carried over from the
    -- bucket before, the fix that ended that interval. It orders a user's rows for the runtime's replacements.
    first_evidence_at timestamptz      NOT NULL,
    PRIMARY KEY (user_id, bucket_start, bucket_end, cell),
    CHECK (bucket_end > bucket_start)
);

CREATE INDEX time_space_slices_user_evidence ON time_space_slices (user_id, first_evidence_at);
