-- A user's row deleted from user_time_zones (or moved to another user id) sends their local days back to the zones
-- at their fixes: the removal is remembered here, so that results computed in the removed zone become stale
-- (time_zone_changed) at the next incremental run, as after a change of zone.
CREATE TABLE user_time_zone_removals (
    user_id    text        PRIMARY KEY,
    -- When the user's last row was removed.
    removed_at timestamptz NOT NULL
);

CREATE FUNCTION user_time_zones_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_time_zone_removals (user_id, removed_at) VALUES (OLD.user_id, now())
        ON CONFLICT (user_id) DO UPDATE SET removed_at = EXCLUDED.removed_at;
    RETURN NULL;
END $$;

CREATE TRIGGER user_time_zones_removed AFTER DELETE ON user_time_zones
    FOR EACH ROW EXECUTE FUNCTION user_time_zones_removed();
CREATE TRIGGER user_time_zones_renamed AFTER UPDATE OF user_id ON user_time_zones
    FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id) EXECUTE FUNCTION user_time_zones_removed();
