package dev.tracks.analysis.worker.reference.osm;

import dev.tracks.analysis.reference.osm.OsmStation;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The roads, rails and stations of one osm load in memory, as loaded (ways with their nodes; ways meet where they
 * share a node id). Skills build the graph they need from it (a road graph, a rail graph). Read it
 * by the load id a task resolved at its start (see {@code ReferenceData.requireOsm}). Immutable.
 */
public final class OsmNetwork {

    private final long loadId;
    private final List<OsmWay> ways;
    private final List<OsmStation> stations;

    private OsmNetwork(long loadId, List<OsmWay> ways, List<OsmStation> stations) {
        this.loadId = loadId;
        this.ways = List.copyOf(ways);
        this.stations = List.copyOf(stations);
    }

    /** A network given in memory (tests, and {@code analyze} reading a file without a database). */
    public static OsmNetwork of(long loadId, List<OsmWay> ways, List<OsmStation> stations) {
        return new OsmNetwork(loadId, ways, stations);
    }

    /** The ways and stations of load {@code loadId} (none when the load does not exist), ways by network and id. */
    public static OsmNetwork read(Connection db, long loadId) throws SQLException {
        List<OsmWay> ways = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT network, way_id, class, name, oneway,"
                + " max_speed_kmh, access, node_ids, lats, lons FROM osm_ways WHERE load_id = ?"
                + " ORDER BY network, way_id")) {
            query.setFetchSize(5_000);
            query.setLong(1, loadId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double maxSpeed = rows.getDouble(6);
                    if (rows.wasNull()) {
                        maxSpeed = Double.NaN;
                    }
                    ways.add(new OsmWay(rows.getLong(2), "road".equals(rows.getString(1)) ? Network.ROAD
                            : Network.RAIL, rows.getString(3), rows.getString(4), rows.getInt(5),
                            maxSpeed, rows.getString(7), longs(rows.getArray(8)),
                            doubles(rows.getArray(9)), doubles(rows.getArray(10))));
                }
            }
        }
        List<OsmStation> stations = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT node_id, kind, name, lat, lon FROM osm_stations"
                + " WHERE load_id = ? ORDER BY node_id")) {
            query.setLong(1, loadId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stations.add(new OsmStation(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getDouble(4), rows.getDouble(5)));
                }
            }
        }
        return new OsmNetwork(loadId, ways, stations);
    }

    /** The load this network came from. */
    public long loadId() {
        return loadId;
    }

    public List<OsmWay> ways() {
        return ways;
    }

    /** The ways of one network (roads or rails). */
    public List<OsmWay> ways(Network network) {
        return ways.stream().filter(way -> way.network() == network).toList();
    }

    public List<OsmStation> stations() {
        return stations;
    }

    private static long[] longs(Array array) throws SQLException {
        Long[] boxed = (Long[]) array.getArray();
        long[] values = new long[boxed.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    private static double[] doubles(Array array) throws SQLException {
        Double[] boxed = (Double[]) array.getArray();
        double[] values = new double[boxed.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }
}
