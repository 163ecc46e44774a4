package dev.tracks.analysis.worker.geocoding;

import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generated admin areas with known answers, loaded with the reference core's loader: a country XC (level 0) over
 * lon 8..9.5, lat 47..48, and its two regions XC-W (lon 8..8.6) and XC-E (lon 8.6..9.5) sharing the edge lon = 8.6.
 * Everything else is sea. {@link #loadGrid} loads a larger grid of squares for benchmarks.
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

    /**
     * Loads a grid over lat 45..49, lon 6..12 (the worker benchmark's users' area) as the active admin load: squares
     * of 1 degree at level 0 (code "G" + lat + "_" + lon of the south-west corner) and of 0.1 degree at level 1
     * (codes "G" + tenths), 24 + 2,400 areas. Returns the load's id.
     */
    public static long loadGrid(Connection db, Path directory) throws SQLException, IOException {
        List<String> features = new ArrayList<>();
        for (int lat = 45; lat < 49; lat++) {
            for (int lon = 6; lon < 12; lon++) {
                features.add(feature("G" + lat + "_" + lon, "Block " + lat + "/" + lon, 0, lon, lat, lon + 1,
                        lat + 1));
            }
        }
        for (int lat = 450; lat < 490; lat++) {
            for (int lon = 60; lon < 120; lon++) {
                features.add(feature("G" + lat + "_" + lon, "Square " + lat + "/" + lon, 1, lon / 10.0, lat / 10.0,
                        (lon + 1) / 10.0, (lat + 1) / 10.0));
            }
        }
        Path file = Files.writeString(directory.resolve("grid.geojson"), "{\"type\":\"FeatureCollection\","
                + "\"features\":[" + String.join(",\n", features) + "]}");
        AdminOptions options = new AdminOptions("code", "name", List.of("country"), 1, "level");
        return AdminAreaLoad.load(db, file, options, "generated benchmark grid").load().id();
    }

    private static String feature(String code, String name, int level, double minLon, double minLat, double maxLon,
                                  double maxLat) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"%s\","
                        + "\"country\":\"XC\",\"level\":%d},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}", code, name, level, minLon, minLat, maxLon,
                minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    }
}
