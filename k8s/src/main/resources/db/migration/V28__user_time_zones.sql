-- The time zone of a user's local days, when the operator knows it better than the fixes' positions (a user who
-- lives on one side of a zone border and works on the other). Skills that count local days (streaks, the time-axis
-- map, time buckets) take it first, then the zone at each fix, then their task's timeZone parameter, and name the
-- source in each row. Set it with SQL: INSERT ... ON CONFLICT (user_id) DO UPDATE SET zone = EXCLUDED.zone.
CREATE TABLE user_time_zones (
    user_id    text        PRIMARY KEY,
    -- An IANA time zone id, e.g. Europe/Zurich (checked against PostgreSQL's zone names on write).
    zone       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION user_time_zones_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.zone) THEN
        RAISE EXCEPTION 'user_time_zones.zone: % is not an IANA time zone id (e.g. Europe/Zurich)', NEW.zone
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TRIGGER user_time_zones_check BEFORE INSERT OR UPDATE ON user_time_zones
    FOR EACH ROW EXECUTE FUNCTION user_time_zones_check();
