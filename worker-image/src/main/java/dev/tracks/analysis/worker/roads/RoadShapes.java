package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.worker.geo.Geodesy;

/**
 * The shapes of the road graph's edges in flat arrays: edge {@code e}'s points are {@code start[e]} to
 * {@code start[e + 1] - 1}, from its first node to its last, each with its distance along the edge (haversine sums),
 * so a position on an edge is one number, its offset.
 */
final class RoadShapes {

    private final int[] start;
    private final double[] lats;
    private final double[] lons;
    private final double[] offsets;
    private final int[] edgeOf;

    RoadShapes(int[] start, double[] lats, double[] lons) {
        this.start = start;
        this.lats = lats;
        this.lons = lons;
        this.offsets = new double[lats.length];
        this.edgeOf = new int[lats.length];
        for (int edge = 0; edge + 1 < start.length; edge++) {
            for (int k = start[edge]; k < start[edge + 1]; k++) {
                edgeOf[k] = edge;
                offsets[k] = k == start[edge] ? 0
                        : offsets[k - 1] + Geodesy.distanceMeters(lats[k - 1], lons[k - 1], lats[k], lons[k]);
            }
        }
    }

    int points() {
        return lats.length;
    }

    int edge(int point) {
        return edgeOf[point];
    }

    double lat(int point) {
        return lats[point];
    }

    double lon(int point) {
        return lons[point];
    }

    /** The edge's length along its shape. */
    double length(int edge) {
        return offsets[start[edge + 1] - 1];
    }

    /** The point a fraction {@code t} along segment {@code segment} (its shape points segment, segment + 1). */
    RoadPoint pointOn(int segment, double t, double queryLat, double queryLon) {
        double lat = lats[segment] + t * (lats[segment + 1] - lats[segment]);
        double lon = Geodesy.normalizeLongitude(lons[segment] + t * Geodesy.shortWay(lons[segment + 1] - lons[segment]));
        double offset = offsets[segment] + t * (offsets[segment + 1] - offsets[segment]);
        return new RoadPoint(edgeOf[segment], offset, Geodesy.distanceMeters(queryLat, queryLon, lat, lon), lat, lon);
    }

    /**
     * Appends the edge's shape from offset {@code from} to offset {@code to} (backwards when {@code to < from}) to
     * {@code path}: the point at {@code from} when the path is empty, the shape points strictly between, the point at
     * {@code to}.
     */
    void appendPiece(int edge, double from, double to, PathPoints path) {
        if (path.size() == 0) {
            path.add(at(edge, from));
        }
        int first = start[edge];
        int last = start[edge + 1] - 1;
        if (to >= from) {
            for (int k = first; k <= last; k++) {
                if (offsets[k] > from && offsets[k] < to) {
                    path.add(lats[k], lons[k]);
                }
            }
        } else {
            for (int k = last; k >= first; k--) {
                if (offsets[k] < from && offsets[k] > to) {
                    path.add(lats[k], lons[k]);
                }
            }
        }
        path.add(at(edge, to));
    }

    private double[] at(int edge, double offset) {
        int last = start[edge + 1] - 1;
        for (int k = start[edge]; k < last; k++) {
            if (offset <= offsets[k + 1]) {
                double span = offsets[k + 1] - offsets[k];
                double t = span == 0 ? 0 : (offset - offsets[k]) / span;
                return new double[] {lats[k] + t * (lats[k + 1] - lats[k]),
                        Geodesy.normalizeLongitude(lons[k] + t * Geodesy.shortWay(lons[k + 1] - lons[k]))};
            }
        }
        return new double[] {lats[last], lons[last]};
    }

    /** A growing list of positions. */
    static final class PathPoints {

        private double[] lats = new double[16];
        private double[] lons = new double[16];
        private int size;

        int size() {
            return size;
        }

        void add(double[] position) {
            add(position[0], position[1]);
        }

        void add(double lat, double lon) {
            if (size > 0 && lats[size - 1] == lat && lons[size - 1] == lon) {
                return;
            }
            if (size == lats.length) {
                lats = java.util.Arrays.copyOf(lats, size * 2);
                lons = java.util.Arrays.copyOf(lons, size * 2);
            }
            lats[size] = lat;
            lons[size++] = lon;
        }

        double[] lats() {
            return java.util.Arrays.copyOf(lats, size);
        }

        double[] lons() {
            return java.util.Arrays.copyOf(lons, size);
        }
    }
}
