-- The points a run of a skill has to analyze, per user: the one definition that the worker (before a run, and for
-- its dry run) and the admin API (to refuse a task with nothing to analyze) both use.
--   p_incremental: count only points after the skill's watermark; else all points in scope (full recompute).
--   p_clean: count only fixes outlier detection did not flag (what every skill after it reads).
--   earliest_late: the earliest point recorded before the watermark but analyzed after it (arrived late).
CREATE FUNCTION pending_points(p_skill text, p_incremental boolean, p_clean boolean, p_user_ids text[],
                               p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (user_id text, points bigint, earliest_late timestamptz)
    LANGUAGE sql STABLE
AS $$
SELECT p.user_id,
       count(*) FILTER (WHERE NOT p_incremental OR w.user_id IS NULL OR p.recorded_at > w.last_recorded_at),
       min(p.recorded_at) FILTER (WHERE p_incremental AND w.user_id IS NOT NULL
           AND p.recorded_at <= w.last_recorded_at AND p.id > w.last_point_id)
FROM track_points p
         LEFT JOIN skill_watermarks w ON w.skill_name = p_skill AND w.user_id = p.user_id
WHERE NOT p.is_synthetic
  AND (p_user_ids IS NULL OR p.user_id = ANY (p_user_ids))
  AND (p_from IS NULL OR p.recorded_at >= p_from)
  AND (p_to IS NULL OR p.recorded_at < p_to)
  AND (NOT p_clean OR NOT EXISTS (SELECT 1 FROM point_flags f WHERE f.point_id = p.id))
GROUP BY p.user_id
HAVING count(*) FILTER (WHERE NOT p_incremental OR w.user_id IS NULL OR p.recorded_at > w.last_recorded_at) > 0
    OR count(*) FILTER (WHERE p_incremental AND w.user_id IS NOT NULL
           AND p.recorded_at <= w.last_recorded_at AND p.id > w.last_point_id) > 0
$$;
