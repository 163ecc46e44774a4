-- pending_points (V13) read every fix of the table at each run (a scan with an anti-join on the flags): a run's
-- count cost what the whole table holds, even when a few fixes were new. Now each user's share is found through
-- indexes:
--   users:      a skip scan over (user_id, ...), one probe per user (PostgreSQL 17 has no skip scan of its own), or
--               the given user ids;
--   new fixes:  counted from the (user_id, recorded_at) index alone after the user's watermark (an index-only scan
--               wherever the visibility map is set, as after a VACUUM), less the user's synthetic fixes in the range
--               (a partial index, empty unless trajectory_completion ran) and, for clean counts, the user's flagged
--               fixes in the range (flags are few);
--   late fixes: by (user_id, id) above the watermark's highest analyzed id: only what arrived since the last run.
-- The answers are V13's (PendingPointsTest compares the two in every mode and scope); the cost of an incremental
-- run's count grows with the fixes that arrived, that of a first run or a full recompute with the index entries in
-- scope.
CREATE INDEX track_points_user_arrival ON track_points (user_id, id);
CREATE INDEX track_points_synthetic ON track_points (user_id, recorded_at) WHERE is_synthetic;

CREATE OR REPLACE FUNCTION pending_points(p_skill text, p_incremental boolean, p_clean boolean, p_user_ids text[],
                                          p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (user_id text, points bigint, earliest_late timestamptz)
    LANGUAGE sql STABLE
AS $$
WITH RECURSIVE all_users AS (
    (SELECT p.user_id FROM track_points p ORDER BY p.user_id LIMIT 1)
    UNION ALL
    SELECT (SELECT p.user_id FROM track_points p WHERE p.user_id > u.user_id ORDER BY p.user_id LIMIT 1)
    FROM all_users u
    WHERE u.user_id IS NOT NULL
),
scope AS (
    SELECT u.user_id FROM all_users u WHERE p_user_ids IS NULL AND u.user_id IS NOT NULL
    UNION
    SELECT unnest(p_user_ids) WHERE p_user_ids IS NOT NULL
),
ranges AS (
    -- The new part of each user's fixes: after the watermark, within the scope's times.
    SELECT s.user_id, w.last_recorded_at, w.last_point_id,
           greatest(coalesce(w.last_recorded_at, '-infinity'), coalesce(p_from, '-infinity')) AS low,
           w.last_recorded_at IS NOT NULL AND (p_from IS NULL OR w.last_recorded_at >= p_from) AS low_exclusive,
           coalesce(p_to, 'infinity') AS high
    FROM scope s
             LEFT JOIN skill_watermarks w ON p_incremental AND w.skill_name = p_skill AND w.user_id = s.user_id
)
SELECT r.user_id, fresh.points, late.earliest
FROM ranges r
         CROSS JOIN LATERAL (
    SELECT (SELECT count(*) FROM track_points p
            WHERE p.user_id = r.user_id AND p.recorded_at >= r.low AND p.recorded_at < r.high
              AND (NOT r.low_exclusive OR p.recorded_at > r.low))
         - (SELECT count(*) FROM track_points p
            WHERE p.is_synthetic AND p.user_id = r.user_id AND p.recorded_at >= r.low AND p.recorded_at < r.high
              AND (NOT r.low_exclusive OR p.recorded_at > r.low))
         - (SELECT count(DISTINCT f.point_id) FROM point_flags f JOIN track_points p ON p.id = f.point_id
            WHERE p_clean AND f.user_id = r.user_id AND f.recorded_at >= r.low AND f.recorded_at < r.high
              AND (NOT r.low_exclusive OR f.recorded_at > r.low) AND NOT p.is_synthetic) AS points
    ) fresh
         CROSS JOIN LATERAL (
    SELECT min(arrived.recorded_at) AS earliest
    FROM (
             -- What arrived since the last run, by (user_id, id); OFFSET 0 keeps the planner from walking the
             -- user's fixes in time order instead to find the earliest one.
             SELECT p.recorded_at
             FROM track_points p
             WHERE p.user_id = r.user_id
               AND p.id > coalesce(r.last_point_id, 9223372036854775807)
               AND NOT p.is_synthetic
               AND (NOT p_clean OR NOT EXISTS (SELECT 1 FROM point_flags f WHERE f.user_id = p.user_id
                                                   AND f.recorded_at = p.recorded_at AND f.point_id = p.id))
             OFFSET 0
         ) arrived
    WHERE arrived.recorded_at <= r.last_recorded_at
      AND arrived.recorded_at >= coalesce(p_from, '-infinity')
      AND arrived.recorded_at < coalesce(p_to, 'infinity')
    ) late
WHERE fresh.points > 0 OR late.earliest IS NOT NULL
$$;
