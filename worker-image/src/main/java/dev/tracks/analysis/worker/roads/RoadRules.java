package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.osm.OsmWay;
import java.util.Set;

/**
 * Who may use an OSM road way and how fast a car drives on it, from the way's highway=* class, access=* and
 * maxspeed=* as loaded. A small version of GraphHopper's car and foot parsers (which need the full tag set that the
 * osm load does not keep): cars on the motor-road classes, pedestrians everywhere but motorways and trunks;
 * access=no or private closes a way to both.
 */
final class RoadRules {

    /** The classes a car may drive on (GraphHopper's car: highway values with a default speed). */
    private static final Set<String> CAR = Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary",
            "primary_link", "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential",
            "living_street", "service", "road");

    /** Classes closed to pedestrians (GraphHopper's foot avoids motorways and trunks, and nothing unbuilt). */
    private static final Set<String> NOT_FOOT = Set.of("motorway", "motorway_link", "trunk", "trunk_link",
            "construction", "proposed", "abandoned", "platform", "raceway");

    private static final Set<String> CLOSED = Set.of("no", "private");

    /**
     * The road classes results name (GraphHopper's {@code RoadClass} values, the classes of the V52 table's comment);
     * any other highway value is {@code other}.
     */
    private static final Set<String> CLASSES = Set.of("motorway", "trunk", "primary", "secondary", "tertiary",
            "residential", "unclassified", "service", "road", "track", "bridleway", "steps", "cycleway", "path",
            "living_street", "footway", "pedestrian", "platform", "corridor", "construction", "busway");

    /** Access bits of an edge: a car may drive it in the way's direction, against it; a pedestrian may walk it. */
    static final int CAR_FORWARD = 1;
    static final int CAR_BACKWARD = 2;
    static final int FOOT = 4;

    private RoadRules() {
    }

    static boolean car(String wayClass, String access) {
        return CAR.contains(wayClass) && !CLOSED.contains(access);
    }

    static boolean foot(String wayClass, String access) {
        return !NOT_FOOT.contains(wayClass) && !CLOSED.contains(access);
    }

    /** The access bits of a way ({@link #CAR_FORWARD}, {@link #CAR_BACKWARD}, {@link #FOOT}); 0: nobody's road. */
    static int access(OsmWay way) {
        boolean car = car(way.wayClass(), way.access());
        return (car && way.oneway() >= 0 ? CAR_FORWARD : 0) | (car && way.oneway() <= 0 ? CAR_BACKWARD : 0)
                | (foot(way.wayClass(), way.access()) ? FOOT : 0);
    }

    /** The road class of a highway value; a link counts as its road (motorway_link is motorway). */
    static String roadClass(String wayClass) {
        String road = wayClass.endsWith("_link") ? wayClass.substring(0, wayClass.length() - 5) : wayClass;
        return CLASSES.contains(road) ? road : "other";
    }

    /**
     * A car's speed in km/h: maxspeed=* when given, else GraphHopper's car defaults per class (links slower than
     * their road), within [5, 150] km/h.
     */
    static double carSpeedKmh(String wayClass, double maxSpeedKmh) {
        double speed = Double.isNaN(maxSpeedKmh) ? switch (wayClass) {
            case "motorway" -> 100;
            case "trunk" -> 70;
            case "motorway_link", "trunk_link" -> 60;
            case "primary" -> 65;
            case "secondary" -> 60;
            case "tertiary" -> 50;
            case "primary_link", "secondary_link", "tertiary_link" -> 40;
            case "unclassified", "residential" -> 30;
            case "service", "road" -> 20;
            default -> 5;
        } : maxSpeedKmh;
        return Math.max(5, Math.min(150, speed));
    }
}
