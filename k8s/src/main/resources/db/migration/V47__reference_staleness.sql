-- A new active reference load (reference_loads) after a skill that reads it last computed a user makes those results
-- stale (reason reference_changed): the next incremental run recomputes the user on the new load.
ALTER TABLE stale_results DROP CONSTRAINT stale_results_reason_check;
ALTER TABLE stale_results ADD CONSTRAINT stale_results_reason_check
    CHECK (reason IN ('late_points', 'parameters_changed', 'full_recompute', 'inputs_changed', 'time_zone_changed',
                      'reference_changed'));
