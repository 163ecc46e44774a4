package dev.tracks.analysis.reference.osm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which ways of an extract an osm load keeps. Stored with the load, so that a reader of another version with other
 * classes loads the same file as a new load instead of finding the old one unchanged.
 *
 * @param roadClasses the highway=* values kept as roads: everything people move on (the OSM wiki's roads, link roads,
 *                    special road types and paths). Left out are ways that are not (yet, or any more) travelled:
 *                    proposed, planned, construction, abandoned, disused, razed; and ways that are not lines of
 *                    travel: platform, raceway, rest_area, services, elevator and the like. An inclusion list, so
 *                    that typos and rare values are left out rather than routed on
 * @param railClasses the railway=* values kept as rails: tracks that trains, trams and funiculars run on (abandoned,
 *                    disused, construction, platform, ... are left out)
 */
public record OsmOptions(Set<String> roadClasses, Set<String> railClasses) {

    public static final OsmOptions DEFAULT = new OsmOptions(Set.of(
            "motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
            "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link",
            "living_street", "service", "pedestrian", "track", "road", "busway", "bus_guideway", "escape",
            "footway", "bridleway", "steps", "corridor", "path", "cycleway"),
            Set.of("rail", "light_rail", "subway", "tram", "narrow_gauge", "monorail", "funicular"));

    public OsmOptions {
        roadClasses = Set.copyOf(roadClasses);
        railClasses = Set.copyOf(railClasses);
    }

    /** The options as stored with the load, classes sorted so that the same classes always give the same JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("roadClasses", List.copyOf(new TreeSet<>(roadClasses)));
        map.put("railClasses", List.copyOf(new TreeSet<>(railClasses)));
        return map;
    }
}
