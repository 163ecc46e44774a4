package dev.tracks.analysis.reference.osm;

import java.util.Objects;

/**
 * One road or rail way of an OSM load (a row of osm_ways): its nodes in order, with their OSM ids (ways that share a
 * node id meet there) and positions.
 *
 * @param wayClass the highway=* value of a road, the railway=* value of a rail
 * @param name the name=* tag, empty when none
 * @param oneway 1 travel along the node order only, -1 against it only, 0 both
 * @param maxSpeedKmh maxspeed=* in km/h, NaN when absent or not a number
 * @param access the access=* tag, empty when none
 */
public record OsmWay(long wayId, Network network, String wayClass, String name, int oneway, double maxSpeedKmh,
                     String access, long[] nodeIds, double[] lats, double[] lons) {

    /** The network a way belongs to. */
    public enum Network {
        ROAD, RAIL;

        /** The value of osm_ways.network. */
        public String id() {
            return this == ROAD ? "road" : "rail";
        }
    }

    public OsmWay {
        Objects.requireNonNull(network, "network");
        if (nodeIds.length < 2 || lats.length != nodeIds.length || lons.length != nodeIds.length) {
            throw new IllegalArgumentException("way " + wayId + ": needs at least two nodes and one position per"
                    + " node, got " + nodeIds.length + " ids, " + lats.length + " lats, " + lons.length + " lons");
        }
        if (oneway < -1 || oneway > 1) {
            throw new IllegalArgumentException("way " + wayId + ": oneway must be -1, 0 or 1, got " + oneway);
        }
    }

    public int size() {
        return nodeIds.length;
    }
}
