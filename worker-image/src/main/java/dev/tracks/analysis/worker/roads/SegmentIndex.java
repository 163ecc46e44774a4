package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The segments of the road edges' shapes in a grid of {@link #CELL_DEGREES} cells, for the roads near a position:
 * each cell lists the segments that pass through it (a long segment in every cell along it), in one sorted array of
 * cell and segment packed into a long, so an index of a million segments is three arrays and a sort. Distances to a
 * segment are measured on the plane tangent at the query position (equirectangular), exact to well under a metre
 * within the few hundred metres these searches reach; the distance reported is the haversine to the nearest point.
 */
final class SegmentIndex {

    /** 0.002 degrees: 222 m north-south, 111 m east-west at 60 degrees; a 200 m search reads 4 to 9 cells. */
    static final double CELL_DEGREES = 0.002;
    private static final long COLUMNS = Math.round(360 / CELL_DEGREES);
    private static final long ROWS = Math.round(180 / CELL_DEGREES);
    private static final int SEGMENT_BITS = 29;
    private static final double METERS_PER_DEGREE = Math.toRadians(1) * Geodesy.EARTH_RADIUS_METERS;

    private final RoadShapes shapes;
    /** The cells that hold segments, ascending, and where each one's segments start in {@link #segments}. */
    private final long[] cells;
    private final int[] cellStart;
    private final int[] segments;

    private SegmentIndex(RoadShapes shapes, long[] cells, int[] cellStart, int[] segments) {
        this.shapes = shapes;
        this.cells = cells;
        this.cellStart = cellStart;
        this.segments = segments;
    }

    static SegmentIndex of(RoadShapes shapes) {
        int points = shapes.points();
        if (points >= 1 << SEGMENT_BITS) {
            throw new IllegalArgumentException("a road graph of " + points + " shape points is too large to index");
        }
        long[] entries = new long[Math.max(16, points * 2)];
        int count = 0;
        for (int segment = 0; segment + 1 < points; segment++) {
            if (shapes.edge(segment) != shapes.edge(segment + 1)) {
                continue;
            }
            double lat1 = shapes.lat(segment);
            double lon1 = shapes.lon(segment);
            double dLat = shapes.lat(segment + 1) - lat1;
            double dLon = Geodesy.shortWay(shapes.lon(segment + 1) - lon1);
            int pieces = (int) Math.max(1, Math.ceil(Math.max(Math.abs(dLat), Math.abs(dLon)) / CELL_DEGREES));
            for (int piece = 0; piece < pieces; piece++) {
                double a = (double) piece / pieces;
                double b = (double) (piece + 1) / pieces;
                long row1 = row(Math.min(lat1 + a * dLat, lat1 + b * dLat));
                long row2 = row(Math.max(lat1 + a * dLat, lat1 + b * dLat));
                long col1 = column(Math.min(lon1 + a * dLon, lon1 + b * dLon));
                long col2 = column(Math.max(lon1 + a * dLon, lon1 + b * dLon));
                for (long row = row1; row <= row2; row++) {
                    for (long col = col1; col <= col2 + (col2 < col1 ? COLUMNS : 0); col++) {
                        if (count == entries.length) {
                            entries = Arrays.copyOf(entries, count * 2);
                        }
                        entries[count++] = (row * COLUMNS + col % COLUMNS) << SEGMENT_BITS | segment;
                    }
                }
            }
        }
        Arrays.sort(entries, 0, count);
        long[] cells = new long[count];
        int[] cellStart = new int[count + 1];
        int[] segments = new int[count];
        int cellCount = 0;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && entries[i] == entries[i - 1]) {
                continue;
            }
            long cell = entries[i] >>> SEGMENT_BITS;
            if (cellCount == 0 || cells[cellCount - 1] != cell) {
                cells[cellCount] = cell;
                cellStart[cellCount++] = kept;
            }
            segments[kept++] = (int) (entries[i] & ((1L << SEGMENT_BITS) - 1));
        }
        cellStart[cellCount] = kept;
        return new SegmentIndex(shapes, Arrays.copyOf(cells, cellCount), Arrays.copyOf(cellStart, cellCount + 1),
                Arrays.copyOf(segments, kept));
    }

    /** The nearest point within {@code radiusMeters} on an edge {@code edges} accepts, or null. */
    RoadPoint nearest(double lat, double lon, double radiusMeters, IntPredicate edges) {
        RoadPoint[] nearest = nearestEdges(lat, lon, radiusMeters, 1, edges);
        return nearest.length == 0 ? null : nearest[0];
    }

    /**
     * The nearest point of each of the {@code limit} nearest edges within {@code radiusMeters} that {@code edges}
     * accepts, nearest first (ties by edge number, so the answer does not depend on the index's order).
     */
    RoadPoint[] nearestEdges(double lat, double lon, double radiusMeters, int limit, IntPredicate edges) {
        double xScale = METERS_PER_DEGREE * Math.cos(Math.toRadians(lat));
        double dLat = radiusMeters / METERS_PER_DEGREE;
        double dLon = xScale < 1e-9 ? 360 : Math.min(360, radiusMeters / xScale);
        long row1 = row(lat - dLat);
        long row2 = row(lat + dLat);
        long col1 = dLon >= 180 ? 0 : column(lon - dLon);
        long col2 = column(lon + dLon);
        long columns = dLon >= 180 ? COLUMNS : Math.min(COLUMNS, col2 - col1 + (col2 < col1 ? COLUMNS : 0) + 1);
        Nearest best = new Nearest(limit, radiusMeters * radiusMeters);
        for (long row = row1; row <= row2; row++) {
            // A row's cells are consecutive keys: one bisection per row (and one more where the columns wrap).
            long last = Math.min(COLUMNS - 1, col1 + columns - 1);
            scan(row * COLUMNS + col1, row * COLUMNS + last, lat, lon, xScale, edges, best);
            if (col1 + columns > COLUMNS) {
                scan(row * COLUMNS, row * COLUMNS + col1 + columns - 1 - COLUMNS, lat, lon, xScale, edges, best);
            }
        }
        return best.points(lat, lon);
    }

    /** Offers the segments of the cells with keys {@code [firstCell, lastCell]}. */
    private void scan(long firstCell, long lastCell, double lat, double lon, double xScale, IntPredicate edges,
                      Nearest best) {
        int cell = Arrays.binarySearch(cells, firstCell);
        for (cell = cell < 0 ? -cell - 1 : cell; cell < cells.length && cells[cell] <= lastCell; cell++) {
            for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++) {
                int segment = segments[i];
                int edge = shapes.edge(segment);
                if (edges.test(edge)) {
                    best.offer(edge, segment, lat, lon, xScale);
                }
            }
        }
    }

    private static long row(double lat) {
        return Math.max(0, Math.min(ROWS - 1, (long) Math.floor((lat + 90) / CELL_DEGREES)));
    }

    private static long column(double lon) {
        return Math.floorMod((long) Math.floor((lon + 180) / CELL_DEGREES), COLUMNS);
    }

    /** The best few edges seen so far, each with its nearest segment, ordered by squared planar distance. */
    private final class Nearest {

        private final int[] edges;
        private final int[] segmentOf;
        private final double[] along;
        private final double[] squared;
        private final double maxSquared;
        private int size;

        Nearest(int limit, double maxSquared) {
            this.edges = new int[limit];
            this.segmentOf = new int[limit];
            this.along = new double[limit];
            this.squared = new double[limit];
            this.maxSquared = maxSquared;
        }

        void offer(int edge, int segment, double lat, double lon, double xScale) {
            double x1 = Geodesy.shortWay(shapes.lon(segment) - lon) * xScale;
            double y1 = (shapes.lat(segment) - lat) * METERS_PER_DEGREE;
            double dx = Geodesy.shortWay(shapes.lon(segment + 1) - shapes.lon(segment)) * xScale;
            double dy = (shapes.lat(segment + 1) - shapes.lat(segment)) * METERS_PER_DEGREE;
            double length = dx * dx + dy * dy;
            double t = length == 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / length));
            double px = x1 + t * dx;
            double py = y1 + t * dy;
            double d = px * px + py * py;
            if (d > maxSquared || size == edges.length && !before(d, edge, size - 1)) {
                return;
            }
            int slot = indexOf(edge);
            if (slot >= 0) {
                if (!before(d, edge, slot)) {
                    return;
                }
                remove(slot);
            }
            int at = Math.min(size, edges.length - 1);
            while (at > 0 && before(d, edge, at - 1)) {
                move(at - 1, at);
                at--;
            }
            edges[at] = edge;
            segmentOf[at] = segment;
            along[at] = t;
            squared[at] = d;
            size = Math.min(size + 1, edges.length);
        }

        private boolean before(double d, int edge, int slot) {
            return d < squared[slot] || d == squared[slot] && edge < edges[slot];
        }

        private int indexOf(int edge) {
            for (int i = 0; i < size; i++) {
                if (edges[i] == edge) {
                    return i;
                }
            }
            return -1;
        }

        private void remove(int slot) {
            for (int i = slot; i + 1 < size; i++) {
                move(i + 1, i);
            }
            size--;
        }

        private void move(int from, int to) {
            edges[to] = edges[from];
            segmentOf[to] = segmentOf[from];
            along[to] = along[from];
            squared[to] = squared[from];
        }

        RoadPoint[] points(double lat, double lon) {
            RoadPoint[] points = new RoadPoint[size];
            for (int i = 0; i < size; i++) {
                points[i] = shapes.pointOn(segmentOf[i], along[i], lat, lon);
            }
            return points;
        }
    }
}
