package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic street grid with known answers: {@code rows} east-west streets and {@code columns} north-south streets
 * {@code spacingMeters} apart, meeting at every crossing. Row 0 is a primary road, the other rows tertiary, the columns
 * residential; column 1 is one-way northbound. Beside it, a private road (closed to all) and a railway (not a road)
 * along row 0's latitude west of the grid, which no road result may use.
 */
public final class RoadGrid {

    private static final double METERS_PER_DEGREE = Geodesy.EARTH_RADIUS_METERS * Math.PI / 180;

    private final double originLat;
    private final double originLon;
    private final int rows;
    private final int columns;
    private final double spacingMeters;

    private RoadGrid(double originLat, double originLon, int rows, int columns, double spacingMeters) {
        this.originLat = originLat;
        this.originLon = originLon;
        this.rows = rows;
        this.columns = columns;
        this.spacingMeters = spacingMeters;
    }

    /** A grid whose south-west crossing lies at the origin. */
    public static RoadGrid at(double originLat, double originLon, int rows, int columns, double spacingMeters) {
        return new RoadGrid(originLat, originLon, rows, columns, spacingMeters);
    }

    /** Latitude of row {@code row}'s street (row 0 southernmost). */
    public double lat(double row) {
        return originLat + row * spacingMeters / METERS_PER_DEGREE;
    }

    /** Longitude of column {@code column}'s street (column 0 westernmost). */
    public double lon(double column) {
        return originLon + column * spacingMeters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(originLat)));
    }

    public double spacingMeters() {
        return spacingMeters;
    }

    public OsmNetwork network(long loadId) {
        return OsmNetwork.of(loadId, ways(), List.of());
    }

    /** The grid's ways (and the private road and railway beside it), as an osm load would hold them. */
    public List<OsmWay> ways() {
        List<OsmWay> ways = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            long[] ids = new long[columns];
            double[] lats = new double[columns];
            double[] lons = new double[columns];
            for (int column = 0; column < columns; column++) {
                ids[column] = node(row, column);
                lats[column] = lat(row);
                lons[column] = lon(column);
            }
            ways.add(new OsmWay(1_000 + row, Network.ROAD, row == 0 ? "primary" : "tertiary", "Row " + row, 0,
                    Double.NaN, "", ids, lats, lons));
        }
        for (int column = 0; column < columns; column++) {
            long[] ids = new long[rows];
            double[] lats = new double[rows];
            double[] lons = new double[rows];
            for (int row = 0; row < rows; row++) {
                ids[row] = node(row, column);
                lats[row] = lat(row);
                lons[row] = lon(column);
            }
            ways.add(new OsmWay(2_000 + column, Network.ROAD, "residential", "Column " + column,
                    column == 1 ? 1 : 0, 30, "", ids, lats, lons));
        }
        long west = node(0, 0);
        ways.add(new OsmWay(3_000, Network.ROAD, "service", "Private", 0, Double.NaN, "private",
                new long[] {west, 900_001}, new double[] {lat(0), lat(0)}, new double[] {lon(0), lon(-3)}));
        ways.add(new OsmWay(4_000, Network.RAIL, "rail", "Railway", 0, Double.NaN, "",
                new long[] {900_002, 900_003}, new double[] {lat(0.1), lat(0.1)}, new double[] {lon(-3), lon(0)}));
        return ways;
    }

    private long node(int row, int column) {
        return 1 + row * 1_000L + column;
    }
}
