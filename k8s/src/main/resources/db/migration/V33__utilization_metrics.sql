-- utilization_efficiency: how a user's tracked time splits into moving and stopped (gpxpy get_moving_data), how
-- direct the trips are (trajr TrajStraightness: beeline over path length) and how much of the time the recording
-- covers (trackintel temporal_tracking_quality). The skill writes one row per trip and per local day to
-- utilization_spans (resumable in time order); the utilization_metrics view adds each user's row and the ratios, and
-- is what is read and exported.
CREATE TABLE utilization_spans (
    user_id     text             NOT NULL,
    -- 'trip': the fixes of one trip; 'day': the fixes of one local calendar day.
    scope       text             NOT NULL CHECK (scope IN ('trip', 'day')),
    -- The trip's id for a trip row, null for a day row.
    trip_id     bigint,
    -- The local date of the day, or of the trip's start, in zone.
    local_date  date             NOT NULL,
    -- The IANA zone of local_date, and where it came from: 'user' (user_time_zones), 'location' (the zone at the
    -- first fix of the day or trip) or 'parameter' (the task's timeZone).
    zone        text             NOT NULL,
    zone_source text             NOT NULL CHECK (zone_source IN ('user', 'location', 'parameter')),
    -- The first and last fix of the trip or day.
    started_at  timestamptz      NOT NULL,
    finished_at timestamptz      NOT NULL,
    n_points    integer          NOT NULL CHECK (n_points >= 1),
    -- Seconds of steps between consecutive fixes faster than stoppedSpeedKmh (moving) or not (stopped); a step longer
    -- than maxGapSeconds is a recording gap and counts as neither. A step across local midnight is split at it.
    moving_s    double precision NOT NULL CHECK (moving_s >= 0),
    stopped_s   double precision NOT NULL CHECK (stopped_s >= 0),
    -- Seconds the span lasts: the trip's duration, or the local day's length (23, 24 or 25 hours).
    span_s      double precision NOT NULL CHECK (span_s >= 0),
    -- Metres along the fixes (steps of recording gaps excluded), and from the first fix to the last (trips only).
    path_m      double precision NOT NULL CHECK (path_m >= 0),
    beeline_m   double precision CHECK (beeline_m >= 0),
    CHECK (finished_at >= started_at),
    CHECK ((scope = 'trip') = (trip_id IS NOT NULL))
);

CREATE INDEX utilization_spans_user_started_at ON utilization_spans (user_id, started_at);

-- Per trip, day and user: moving_share = moving / (moving + stopped); straightness = beeline / path of the trip, or
-- summed over the trips that start on the day or of the user (trips weighted by their length); coverage = tracked
-- (moving + stopped) time over the span: the trip's duration, the local day, or the user's first to last fix.
-- Straightness is capped at 1: on a straight track the beeline can exceed the summed steps by a rounding error.
CREATE VIEW utilization_metrics AS
WITH trips AS (
    SELECT user_id, local_date, sum(beeline_m) AS beeline_m, sum(path_m) AS path_m
    FROM utilization_spans WHERE scope = 'trip' GROUP BY user_id, local_date
)
SELECT s.user_id, s.scope, coalesce(s.trip_id::text, s.local_date::text) AS scope_id, s.local_date, s.zone,
       s.zone_source, s.started_at, s.finished_at, s.n_points, s.moving_s, s.stopped_s,
       s.moving_s / nullif(s.moving_s + s.stopped_s, 0) AS moving_share,
       least(1.0, CASE WHEN s.scope = 'trip' THEN s.beeline_m / nullif(s.path_m, 0)
            ELSE t.beeline_m / nullif(t.path_m, 0) END) AS straightness,
       CASE WHEN s.span_s > 0 THEN (s.moving_s + s.stopped_s) / s.span_s END AS coverage
FROM utilization_spans s
LEFT JOIN trips t ON s.scope = 'day' AND t.user_id = s.user_id AND t.local_date = s.local_date
UNION ALL
SELECT d.user_id, 'user', d.user_id, NULL, NULL, NULL, min(d.started_at), max(d.finished_at), sum(d.n_points),
       sum(d.moving_s), sum(d.stopped_s),
       sum(d.moving_s) / nullif(sum(d.moving_s) + sum(d.stopped_s), 0),
       (SELECT least(1.0, sum(t.beeline_m) / nullif(sum(t.path_m), 0)) FROM trips t WHERE t.user_id = d.user_id),
       (sum(d.moving_s) + sum(d.stopped_s)) / nullif(extract(epoch FROM max(d.finished_at) - min(d.started_at)), 0)
FROM utilization_spans d
WHERE d.scope = 'day'
GROUP BY d.user_id;
