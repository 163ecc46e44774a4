package dev.tracks.analysis.reference.osm;

import dev.tracks.analysis.reference.CopyRows;
import java.sql.Connection;
import java.sql.SQLException;

/** Writes ways and stations of one osm load into osm_ways and osm_stations with COPY, inside the load's transaction. */
public final class OsmRows implements OsmPbfReader.Sink, AutoCloseable {

    private final Connection db;
    private final long loadId;
    private CopyRows ways;
    private CopyRows stations;
    private int rows;

    public OsmRows(Connection db, long loadId) {
        this.db = db;
        this.loadId = loadId;
    }

    /** Adds one way. Ways and stations may come in any order (each table has its own COPY, one open at a time). */
    @Override
    public void way(OsmWay way) throws SQLException {
        if (ways == null) {
            closeStations();
            ways = new CopyRows(db, "osm_ways", "load_id, network, way_id, class, name, oneway, max_speed_kmh,"
                    + " access, node_ids, lats, lons, min_lat, min_lon, max_lat, max_lon");
        }
        ways.number(loadId).text(way.network().id()).number(way.wayId()).text(way.wayClass()).text(way.name())
                .number(way.oneway());
        if (Double.isNaN(way.maxSpeedKmh())) {
            ways.nothing();
        } else {
            ways.number(way.maxSpeedKmh());
        }
        ways.text(way.access()).text(array(way.nodeIds())).text(array(way.lats())).text(array(way.lons()))
                .number(min(way.lats())).number(min(way.lons())).number(max(way.lats())).number(max(way.lons()))
                .endRow();
        rows++;
    }

    @Override
    public void station(OsmStation station) throws SQLException {
        if (stations == null) {
            closeWays();
            stations = new CopyRows(db, "osm_stations", "load_id, node_id, kind, name, lat, lon");
        }
        stations.number(loadId).number(station.nodeId()).text(station.kind()).text(station.name())
                .number(station.lat()).number(station.lon()).endRow();
        rows++;
    }

    /** Ways and stations written so far. */
    public int rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        closeWays();
        closeStations();
    }

    private void closeWays() throws SQLException {
        if (ways != null) {
            ways.close();
            ways = null;
        }
    }

    private void closeStations() throws SQLException {
        if (stations != null) {
            stations.close();
            stations = null;
        }
    }

    private static String array(long[] values) {
        StringBuilder text = new StringBuilder(values.length * 11 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.append('}').toString();
    }

    private static String array(double[] values) {
        StringBuilder text = new StringBuilder(values.length * 12 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.append('}').toString();
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
