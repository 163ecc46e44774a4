-- streak_detection: maximal runs of consecutive local days with enough trips (kind trips) or fixes (kind fixes),
-- recomputed per user as a whole. Local days follow one another without overlap, each ending at midnight in the
-- zone of the user's latest fix, so a day that straddles a zone change is one (longer or shorter) day.
CREATE TABLE activity_streaks (
    user_id     text    NOT NULL,
    -- trips: days with at least minTripsPerDay trip starts; fixes: days with at least minFixesPerDay fixes.
    kind        text    NOT NULL CHECK (kind IN ('trips', 'fixes')),
    -- The run's first and last local day.
    start_date  date    NOT NULL,
    end_date    date    NOT NULL,
    -- Local days in the run (end_date - start_date + 1 unless a zone change of over 24 h skipped a date).
    days        integer NOT NULL CHECK (days >= 1),
    -- The IANA zone of the run's last day (the zone of the user's latest fix that day), and where it came from (user setting, zone at the fix, or the parameter).
    zone        text    NOT NULL,
    zone_source text    NOT NULL CHECK (zone_source IN ('user', 'location', 'parameter')),
    -- True for the run that reaches the user's last local day with fixes or the day before it (that day may still
    -- be under way): at most one per user and kind.
    is_current  boolean NOT NULL,
    CHECK (end_date >= start_date),
    PRIMARY KEY (user_id, kind, start_date)
);

CREATE INDEX activity_streaks_user_start_date ON activity_streaks (user_id, start_date);
