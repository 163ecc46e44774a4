-- Lineage of per-user results (README, "Lineage and staleness"). A skill's results for a user are built on its
-- dependencies' results for that user; when those change for already covered times (late points, a rerun with other
-- parameters, a full recompute), the dependents' results for the user are stale, whatever their own watermarks say.

-- The hash of the skill's resolved parameters (dev.tracks.analysis.skill.ParamsHash) the user's results were computed
-- with. An incremental run with another hash recomputes the user. Null for watermarks written before V26: taken as
-- matching any parameters, so that upgrading does not recompute every user.
ALTER TABLE skill_watermarks ADD COLUMN params_hash text;

-- Users whose results of a skill were built on inputs that changed since: the next incremental run of the skill
-- recomputes each of them from scratch (pending_points counts all their points), and removes the row in the
-- transaction that replaces the results. Written in the transaction that changed the inputs.
CREATE TABLE stale_results (
    skill_name     text        NOT NULL,
    user_id        text        NOT NULL,
    -- When the inputs last changed (clock time, not the transaction's start): a run that began before this moment
    -- does not clear the row.
    invalidated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- The upstream skill whose results for the user changed, and why they were recomputed.
    cause_skill    text        NOT NULL,
    reason         text        NOT NULL
        CHECK (reason IN ('late_points', 'parameters_changed', 'full_recompute', 'inputs_changed')),
    -- metadata.uid of the AnalysisTask whose run changed them; null for command-line runs.
    task_uid       uuid,
    PRIMARY KEY (skill_name, user_id)
);

-- pending_points (V24) learns both: a user whose watermark has other parameters (p_params_hash; null: do not compare)
-- or whose results are stale counts all points in scope. Without such users the answers are V24's.
DROP FUNCTION pending_points(text, boolean, boolean, text[], timestamptz, timestamptz);

CREATE FUNCTION pending_points(p_skill text, p_incremental boolean, p_clean boolean, p_user_ids text[],
                               p_from timestamptz, p_to timestamptz, p_params_hash text DEFAULT NULL)
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
        -- A watermark of other parameters, or of results built on inputs that changed since, covers nothing: the
        -- user's points in scope are all pending, as for a user the skill never analyzed.
        AND (p_params_hash IS NULL OR w.params_hash IS NULL OR w.params_hash = p_params_hash)
        AND NOT EXISTS (SELECT 1 FROM stale_results st WHERE st.skill_name = p_skill AND st.user_id = s.user_id)
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
