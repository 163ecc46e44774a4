-- pending_points read every fix of the table at each run (a scan with an anti-join on the flags): a run's count cost
-- what the whole table holds, even when a few fixes were new. Now each user's share is found through indexes:
--   new fixes:  (user_id, recorded_at) after the user's watermark time: only the new part of the user's fixes;
--   late fixes: (user_id, id) above the watermark's highest analyzed id: only what arrived since the last run;
--   users:      a skip scan over (user_id, recorded_at), one probe per user (PostgreSQL 17 has no skip scan of its
--               own), or the given user ids.
-- Results are the same as V13's (the worker's and the API's tests run both ways); the cost of an incremental run's
-- count grows with the fixes that arrived, that of a first run or full recompute with the fixes in scope.
CREATE INDEX track_points_user_arrival ON track_points (user_id, id);

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
)
SELECT s.user_id, fresh.points, late.earliest
FROM scope s
         LEFT JOIN skill_watermarks w ON p_incremental AND w.skill_name = p_skill AND w.user_id = s.user_id
         CROSS JOIN LATERAL (
    SELECT count(*) AS points
    FROM track_points p
    WHERE p.user_id = s.user_id
      AND p.recorded_at > coalesce(w.last_recorded_at, '-infinity')
      AND p.recorded_at >= coalesce(p_from, '-infinity')
      AND p.recorded_at < coalesce(p_to, 'infinity')
      AND NOT p.is_synthetic
      AND (NOT p_clean OR NOT EXISTS (SELECT 1 FROM point_flags f WHERE f.user_id = p.user_id
                                          AND f.recorded_at = p.recorded_at AND f.point_id = p.id))
    ) fresh
         CROSS JOIN LATERAL (
    SELECT min(arrived.recorded_at) AS earliest
    FROM (
             -- What arrived since the last run, by (user_id, id); OFFSET 0 keeps the planner from walking the
             -- user's fixes in time order instead to find the earliest one.
             SELECT p.recorded_at
             FROM track_points p
             WHERE p.user_id = s.user_id
               AND p.id > coalesce(w.last_point_id, 9223372036854775807)
               AND NOT p.is_synthetic
               AND (NOT p_clean OR NOT EXISTS (SELECT 1 FROM point_flags f WHERE f.user_id = p.user_id
                                                   AND f.recorded_at = p.recorded_at AND f.point_id = p.id))
             OFFSET 0
         ) arrived
    WHERE arrived.recorded_at <= w.last_recorded_at
      AND arrived.recorded_at >= coalesce(p_from, '-infinity')
      AND arrived.recorded_at < coalesce(p_to, 'infinity')
    ) late
WHERE fresh.points > 0 OR late.earliest IS NOT NULL
$$;
