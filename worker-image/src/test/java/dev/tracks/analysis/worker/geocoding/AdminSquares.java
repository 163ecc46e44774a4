package dev.tracks.analysis.worker.geocoding;

import dev.tracks.analysis.worker.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.worker.reference.admin.AdminOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Generated admin areas with known answers, loaded with the reference core's loader: a country XC (level 0) over
 * lon 8..9.5, lat 47..48, and its two regions XC-W (lon 8..8.6) and XC-E (lon 8.6..9.5) sharing the edge lon = 8.6.
 * Everything else is sea.
 */
public final class AdminSquares {

    public static final double BORDER_LON = 8.6;

    private AdminSquares() {
    }

    /** Loads the squares as the active admin load; returns its id. */
    public static long load(Connection db, Path directory) throws SQLException, IOException {
        Path file = Files.writeString(directory.resolve("squares.geojson"), "{\"type\":\"FeatureCollection\","
                + "\"features\":[" + String.join(",", feature("XC", "Xland", 0, 8, 47, 9.5, 48),
                feature("XC-W", "West", 1, 8, 47, BORDER_LON, 48), feature("XC-E", "East", 1, BORDER_LON, 47, 9.5, 48))
                + "]}");
        AdminOptions options = new AdminOptions("code", "name", List.of("country"), 1, "level");
        return AdminAreaLoad.load(db, file, options, "generated squares").load().id();
    }

    private static String feature(String code, String name, int level, double minLon, double minLat, double maxLon,
                                  double maxLat) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"%s\","
                        + "\"country\":\"XC\",\"level\":%d},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}", code, name, level, minLon, minLat, maxLon,
                minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    }
}
