-- rendering_metadata: per trip and zoom level, the trip's fixes simplified for that zoom (Douglas-Peucker in Web
-- Mercator pixels) as a Google encoded polyline (precision 5, lat first), with the trip's bounding box, time
-- extent and counts. user_render_extents sums them up per user for a map client's first view.
CREATE TABLE rendering_geometries (
    user_id        text             NOT NULL,
    trip_id        bigint           NOT NULL,
    zoom           smallint         NOT NULL CHECK (zoom BETWEEN 0 AND 22),
    started_at     timestamptz      NOT NULL,
    finished_at    timestamptz      NOT NULL,
    n_points       integer          NOT NULL CHECK (n_points >= 1),
    -- Points left at this zoom.
    zoom_points    integer          NOT NULL CHECK (zoom_points >= 1),
    polyline       text             NOT NULL,
    -- RFC 7946 bounding box: west > east when the trip crosses the antimeridian.
    south          double precision NOT NULL,
    west           double precision NOT NULL,
    north          double precision NOT NULL,
    east           double precision NOT NULL,
    PRIMARY KEY (trip_id, zoom)
);

CREATE INDEX rendering_geometries_user_started_at ON rendering_geometries (user_id, started_at);

CREATE VIEW user_render_extents AS
SELECT user_id,
       count(DISTINCT trip_id) AS trips,
       min(started_at)         AS first_at,
       max(finished_at)        AS last_at,
       min(south)              AS south,
       max(north)              AS north,
       min(west)               AS west,
       max(east)               AS east
FROM rendering_geometries
GROUP BY user_id;
