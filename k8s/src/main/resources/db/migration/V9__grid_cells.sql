-- grid_system: H3 cell visits per user (consecutive clean fixes in one cell), appended run by run, and grid_cells,
-- the per-cell summary the product shows, aggregated from the visits so it can never disagree with them.
CREATE TABLE grid_cell_visits (
    user_id        text        NOT NULL,
    -- H3 cell index (64-bit) and its resolution.
    cell           bigint      NOT NULL,
    resolution     smallint    NOT NULL CHECK (resolution BETWEEN 0 AND 15),
    started_at     timestamptz NOT NULL,
    -- The end of the dwell credited to the visit: the next fix's time, or the visit's last fix after a gap.
    finished_at    timestamptz NOT NULL,
    last_fix_at    timestamptz NOT NULL,
    first_point_id bigint      NOT NULL,
    last_point_id  bigint      NOT NULL,
    n_points       integer     NOT NULL CHECK (n_points >= 1),
    PRIMARY KEY (user_id, started_at),
    CHECK (finished_at >= started_at)
);

CREATE INDEX grid_cell_visits_user_cell ON grid_cell_visits (user_id, cell);

CREATE VIEW grid_cells AS
SELECT user_id,
       cell,
       resolution,
       count(*)                                             AS visits,
       sum(n_points)                                        AS n_points,
       sum(extract(epoch FROM finished_at - started_at))    AS dwell_seconds,
       min(started_at)                                      AS first_seen,
       max(last_fix_at)                                     AS last_seen
FROM grid_cell_visits
GROUP BY user_id, cell, resolution;
