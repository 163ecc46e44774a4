package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GeoLife 1.3 transport-mode labels ({@code labels.txt}: a header line, then {@code Start Time<TAB>End Time<TAB>
 * Transportation Mode} with times {@code yyyy/MM/dd HH:mm:ss} in UTC; both ends inclusive, as the User Guide's
 * intervals are written to the second) and their mapping to our classes.
 *
 * <p>Fine: walk and run to WALK (running is foot travel, and its speeds overlap fast walking more than cycling);
 * bike to BICYCLE; bus, car, taxi and motorcycle to ROAD_VEHICLE; subway, train and railway to RAIL; airplane to
 * AIRPLANE. boat and other have no class and are left out. Coarse (trackintel "simple-coarse" examples): walk, run and
 * bike are slow mobility; road vehicles, subway, train and railway motorized mobility (ordinary trains run below
 * 100 km/h most of the time); airplane fast mobility.
 */
final class GeoLifeLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final Map<String, FineMode> FINE = Map.ofEntries(
            Map.entry("walk", FineMode.WALK), Map.entry("run", FineMode.WALK),
            Map.entry("bike", FineMode.BICYCLE),
            Map.entry("bus", FineMode.ROAD_VEHICLE), Map.entry("car", FineMode.ROAD_VEHICLE),
            Map.entry("taxi", FineMode.ROAD_VEHICLE), Map.entry("motorcycle", FineMode.ROAD_VEHICLE),
            Map.entry("subway", FineMode.RAIL), Map.entry("train", FineMode.RAIL),
            Map.entry("railway", FineMode.RAIL),
            Map.entry("airplane", FineMode.AIRPLANE));

    /**
     * One labelled interval.
     *
     * @param startMillis first second of the interval (epoch milliseconds, UTC)
     * @param endMillis last second of the interval, inclusive
     * @param label the GeoLife mode as written
     */
    record Interval(long startMillis, long endMillis, String label) {

        boolean contains(long timeMillis) {
            return timeMillis >= startMillis && timeMillis <= endMillis;
        }
    }

    private GeoLifeLabels() {
    }

    static List<Interval> read(Path labelsFile) throws IOException {
        List<Interval> intervals = new ArrayList<>();
        List<String> lines = Files.readAllLines(labelsFile, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            intervals.add(new Interval(millis(fields[0]), millis(fields[1]),
                    fields[2].trim().toLowerCase(Locale.ROOT)));
        }
        return intervals;
    }

    /** Our fine class of a GeoLife label, or null for boat, other and unknown labels. */
    static FineMode fine(String label) {
        return FINE.get(label);
    }

    /** The coarse class a GeoLife label should get, or null when it has no fine class. */
    static CoarseMode coarse(String label) {
        FineMode fine = fine(label);
        if (fine == null) {
            return null;
        }
        return switch (fine) {
            case WALK, BICYCLE -> CoarseMode.SLOW_MOBILITY;
            case ROAD_VEHICLE, RAIL -> CoarseMode.MOTORIZED_MOBILITY;
            case AIRPLANE -> CoarseMode.FAST_MOBILITY;
            case UNKNOWN -> CoarseMode.UNKNOWN;
        };
    }

    private static long millis(String text) {
        return LocalDateTime.parse(text.trim(), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
