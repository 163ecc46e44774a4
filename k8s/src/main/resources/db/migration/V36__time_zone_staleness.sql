-- A user's time zone (user_time_zones) set or changed after a skill that counts local days last computed the user
-- makes those results stale (reason time_zone_changed): the next incremental run recomputes the user in the new zone.
ALTER TABLE stale_results DROP CONSTRAINT stale_results_reason_check;
ALTER TABLE stale_results ADD CONSTRAINT stale_results_reason_check
    CHECK (reason IN ('late_points', 'parameters_changed', 'full_recompute', 'inputs_changed', 'time_zone_changed'));
