package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.osm.OsmRows;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A synthetic street grid with known answers: {@code rows} east-west streets and {@code columns} north-south streets
 * {@code spacingMeters} apart, meeting at every crossing. Row 0 is a primary road, the other rows tertiary, the columns
 * residential; column 1 is one-way northbound. Beside it, a private road (closed to all) and a railway (not a road)
 * along row 0's latitude west of the grid, which no road result may use. Way and node ids start at the grid's id base,
 * so that grids with different bases can share one network without meeting.
 */
public final class RoadGrid {

    private static final double METERS_PER_DEGREE = Geodesy.EARTH_RADIUS_METERS * Math.PI / 180;

    private final double originLat;
    private final double originLon;
    private final int rows;
    private final int columns;
    private final double spacingMeters;
    private final long idBase;

    private RoadGrid(double originLat, double originLon, int rows, int columns, double spacingMeters, long idBase) {
        if (rows > 10_000 || columns > 10_000) {
            throw new IllegalArgumentException("at most 10,000 rows and columns, got " + rows + " x " + columns);
        }
        this.originLat = originLat;
        this.originLon = originLon;
        this.rows = rows;
        this.columns = columns;
        this.spacingMeters = spacingMeters;
        this.idBase = idBase;
    }

    /** A grid whose south-west crossing lies at the origin, ids from 1. */
    public static RoadGrid at(double originLat, double originLon, int rows, int columns, double spacingMeters) {
        return new RoadGrid(originLat, originLon, rows, columns, spacingMeters, 0);
    }

    /** The same grid with way and node ids from {@code base} on (a multiple of 10^9 keeps grids apart). */
    public RoadGrid numberedFrom(long base) {
        return new RoadGrid(originLat, originLon, rows, columns, spacingMeters, base);
    }

    /**
     * Loads the grids' ways as a new active osm load (their sizes and places written to a file in {@code directory}:
     * the file's checksum is the load's identity) and returns its id.
     */
    public static long load(Connection db, Path directory, List<RoadGrid> grids) throws SQLException, IOException {
        Path file = Files.writeString(directory.resolve("grids.txt"), grids.toString());
        return ReferenceLoads.load(db, ReferenceKind.OSM, file, Map.of(), "generated road grids",
                (connection, loadId) -> {
                    try (OsmRows rows = new OsmRows(connection, loadId)) {
                        for (RoadGrid grid : grids) {
                            for (OsmWay way : grid.ways()) {
                                rows.way(way);
                            }
                        }
                        return rows.rows();
                    }
                }).load().id();
    }

    /**
     * Loads street grids 300 m apart over 0.6 by 0.9 degrees around each centre (the worker benchmark's cities: about
     * 220 by 225 streets, 50,000 crossings each) as a new active osm load; returns its id.
     */
    public static long loadAround(Connection db, Path directory, double[][] centres)
            throws SQLException, IOException {
        List<RoadGrid> grids = new ArrayList<>();
        for (int i = 0; i < centres.length; i++) {
            double lat = centres[i][0];
            int rows = (int) (0.6 * METERS_PER_DEGREE / 300);
            int columns = (int) (0.9 * METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)) / 300);
            grids.add(at(lat - 0.3, centres[i][1] - 0.45, rows, columns, 300).numberedFrom(i * 1_000_000_000L));
        }
        return load(db, directory, grids);
    }

    @Override
    public String toString() {
        return "grid of " + rows + " x " + columns + " streets " + spacingMeters + " m apart from " + originLat + ", "
                + originLon + ", ids from " + idBase;
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
            ways.add(new OsmWay(idBase + 100_000_000 + row, Network.ROAD, row == 0 ? "primary" : "tertiary", "Row " + row, 0,
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
            ways.add(new OsmWay(idBase + 200_000_000 + column, Network.ROAD, "residential", "Column " + column,
                    column == 1 ? 1 : 0, 30, "", ids, lats, lons));
        }
        long west = node(0, 0);
        ways.add(new OsmWay(idBase + 300_000_000, Network.ROAD, "service", "Private", 0, Double.NaN, "private",
                new long[] {west, idBase + 900_000_001}, new double[] {lat(0), lat(0)}, new double[] {lon(0), lon(-3)}));
        ways.add(new OsmWay(idBase + 400_000_000, Network.RAIL, "rail", "Railway", 0, Double.NaN, "",
                new long[] {idBase + 900_000_002, idBase + 900_000_003}, new double[] {lat(0.1), lat(0.1)}, new double[] {lon(-3), lon(0)}));
        return ways;
    }

    private long node(int row, int column) {
        return idBase + 1 + row * 10_000L + column;
    }
}
