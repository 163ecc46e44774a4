-- directional_bias: per user, a row over all the user's steps (scope 'user') and one per trip (scope 'trip'),
-- recomputed per user as a whole. A step runs from the end of the previous one to the first fix at least
-- minStepMeters away (great-circle length, initial great-circle bearing), never across a recording gap longer than
-- maxGapSeconds. Circular statistics after Batschelet (1981), each step weighted by its length.
CREATE TABLE directional_metrics (
    user_id           text             NOT NULL,
    scope             text             NOT NULL CHECK (scope IN ('user', 'trip')),
    -- The trip (trips.trip_id) for scope 'trip'; null for the user's row.
    trip_id           bigint,
    -- The user's first and last fix, or the trip's start and end.
    started_at        timestamptz      NOT NULL,
    finished_at       timestamptz      NOT NULL,
    n_steps           integer          NOT NULL CHECK (n_steps >= 0),
    distance_m        double precision NOT NULL CHECK (distance_m >= 0),
    -- Length-weighted circular mean bearing, degrees clockwise from north in [0, 360); null without steps or when the
    -- directions balance exactly.
    mean_bearing_deg  double precision CHECK (mean_bearing_deg >= 0 AND mean_bearing_deg < 360),
    -- Mean resultant length R: the length of the summed step vectors over the summed step lengths, 0 to 1. (Not
    -- named r: the result lineage digests a table's rows under the alias r.)
    resultant_length  double precision CHECK (resultant_length BETWEEN 0 AND 1),
    -- Rayleigh test of uniform directions, n = n_steps and R_n = n resultant_length, p by Zar's approximation; it
    -- assumes independent steps, which a path's are not, so it is tiny for almost any real track.
    rayleigh_p        double precision CHECK (rayleigh_p BETWEEN 0 AND 1),
    -- Distance per 45-degree compass sector centred on its direction: n is [337.5, 22.5), ne [22.5, 67.5), ... nw
    -- [292.5, 337.5); metres.
    n_m               double precision NOT NULL,
    ne_m              double precision NOT NULL,
    e_m               double precision NOT NULL,
    se_m              double precision NOT NULL,
    s_m               double precision NOT NULL,
    sw_m              double precision NOT NULL,
    w_m               double precision NOT NULL,
    nw_m              double precision NOT NULL,
    CHECK ((scope = 'user') = (trip_id IS NULL)),
    CHECK (finished_at >= started_at)
);

CREATE UNIQUE INDEX directional_metrics_user_trip ON directional_metrics (user_id, trip_id) NULLS NOT DISTINCT;
