package dev.tracks.analysis.reference.osm;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an OSM element's tags make of it: a road, a rail, a station, and the attributes osm_ways keeps. Pure functions
 * of the tags (only the keys in {@link #KEYS} are looked at, so a reader may keep just those).
 */
final class OsmTagRules {

    /** The tag keys these rules read. */
    static final Set<String> KEYS = Set.of("highway", "railway", "area", "name", "oneway", "junction", "maxspeed",
            "access", "public_transport", "train", "subway", "light_rail", "tram", "monorail", "funicular");

    private static final double KMH_PER_MPH = 1.609344;
    private static final Pattern SPEED = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mph|km/h|kmh|kph)?");
    private static final Set<String> RAIL_MODES = Set.of("train", "subway", "light_rail", "tram", "monorail",
            "funicular");

    private OsmTagRules() {
    }

    /**
     * The highway=* value when the way is a road of the kept classes, else null. An area (area=yes, e.g. a
     * pedestrian square drawn as a polygon) is not: its outline is not a line anyone travels along.
     */
    static String roadClass(Map<String, String> tags, OsmOptions options) {
        String highway = tags.get("highway");
        return highway != null && options.roadClasses().contains(highway) && !"yes".equals(tags.get("area"))
                ? highway : null;
    }

    /** The railway=* value when the way is a track of the kept classes, else null. */
    static String railClass(Map<String, String> tags, OsmOptions options) {
        String railway = tags.get("railway");
        return railway != null && options.railClasses().contains(railway) ? railway : null;
    }

    /**
     * The direction of travel on a road: oneway=yes|true|1 along the node order (1), -1|reverse against it (-1),
     * no|false|0 both (0, also overriding what the next rules imply); otherwise junction=roundabout|circular and
     * highway=motorway|motorway_link imply 1 (as the OSM wiki documents); anything else (no tag, alternating,
     * reversible) is both ways.
     */
    static int roadOneway(Map<String, String> tags) {
        Integer explicit = explicitOneway(tags.get("oneway"));
        if (explicit != null) {
            return explicit;
        }
        String junction = tags.get("junction");
        String highway = tags.get("highway");
        return "roundabout".equals(junction) || "circular".equals(junction) || "motorway".equals(highway)
                || "motorway_link".equals(highway) ? 1 : 0;
    }

    /**
     * The direction of travel on a track: only an explicit oneway=* on a way that is not also a road. On a street
     * with tram tracks, oneway=* restricts the road traffic, not the trams (which OSM tags with oneway:tram and
     * which run both ways unless their own tracks say otherwise).
     */
    static int railOneway(Map<String, String> tags) {
        if (tags.containsKey("highway")) {
            return 0;
        }
        Integer explicit = explicitOneway(tags.get("oneway"));
        return explicit == null ? 0 : explicit;
    }

    private static Integer explicitOneway(String oneway) {
        if (oneway == null) {
            return null;
        }
        return switch (oneway.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> 1;
            case "-1", "reverse" -> -1;
            case "no", "false", "0" -> 0;
            default -> null;
        };
    }

    /**
     * maxspeed=* in km/h: a number (km/h, OSM's default unit), or a number with "mph" (converted) or "km/h"; NaN for
     * anything else (absent, "signals", "none", "walk", country codes like "DE:urban", lists "50;30") and for 0.
     */
    static double maxSpeedKmh(String maxspeed) {
        if (maxspeed == null) {
            return Double.NaN;
        }
        Matcher matcher = SPEED.matcher(maxspeed.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        if (value <= 0) {
            return Double.NaN;
        }
        return "mph".equals(matcher.group(2)) ? value * KMH_PER_MPH : value;
    }

    /**
     * The kind of station a node is: railway=station, halt or tram_stop as such; public_transport=station as
     * "station" when it serves a rail mode (a railway=* tag, or train, subway, light_rail, tram, monorail or
     * funicular=yes): a bus station is not a railway station. Null when the node is none of these.
     */
    static String stationKind(Map<String, String> tags) {
        String railway = tags.get("railway");
        if ("station".equals(railway) || "halt".equals(railway) || "tram_stop".equals(railway)) {
            return railway;
        }
        if ("station".equals(tags.get("public_transport"))
                && (railway != null || RAIL_MODES.stream().anyMatch(mode -> "yes".equals(tags.get(mode))))) {
            return "station";
        }
        return null;
    }

    /** The name=* tag, empty when none. */
    static String name(Map<String, String> tags) {
        return tags.getOrDefault("name", "");
    }

    /** The access=* tag, empty when none. */
    static String access(Map<String, String> tags) {
        return tags.getOrDefault("access", "");
    }
}
