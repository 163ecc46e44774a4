package dev.tracks.analysis.worker.roadoverlap;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.roadoverlap.TripOverlap.Method;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The road_overlaps dataset: per trip a row for the whole trip (road_class 'all') and one per road class its matched
 * route or its near fixes touch, replaced from a time on.
 */
public final class RoadOverlapsTable {

    /** The road_class of the row about the whole trip. */
    static final String ALL = "all";

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.ROAD_OVERLAPS, "started_at", List.of(
            "user_id", "trip_id", "road_class", "started_at", "finished_at", "method", "n_points", "sampled_points",
            "gps_length_m",
            "matched_length_m", "matched_share", "near_points", "near_road_share", "reference_load_id"),
            new CsvExport("road_overlaps.csv", "road_overlaps", List.of(Column.of("user_id"), Column.of("trip_id"),
                    Column.of("road_class", "all: the whole trip; else an OSM highway value, links as their road"),
                    Column.time("started_at"), Column.time("finished_at"),
                    Column.of("method", "map_matching, or proximity when matching broke"),
                    Column.of("n_points"), Column.of("sampled_points", "the fixes 2 sigma apart, over which lengths"
                            + " and shares are taken"), Column.rounded("gps_length_m", 1),
                    Column.rounded("matched_length_m", 1), Column.rounded("matched_share", 3),
                    Column.of("near_points", "sampled fixes within maxDistanceMeters of a road; on a class row, of"
                            + " a road of the class"),
                    Column.rounded("near_road_share", 3), Column.of("reference_load_id")),
                    "user_id, started_at, trip_id, road_class"));

    private RoadOverlapsTable() {
    }

    static void write(ResultSink sink, String userId, TripOverlap trip, long loadId) {
        row(sink, userId, trip, ALL, trip.matchedLengthMeters(), trip.nearFixes(), loadId);
        Set<String> classes = new LinkedHashSet<>(trip.matchedByClass().keySet());
        classes.addAll(trip.nearByClass().keySet());
        for (String roadClass : classes) {
            double matched = trip.method() == Method.MAP_MATCHING
                    ? trip.matchedByClass().getOrDefault(roadClass, 0.0) : Double.NaN;
            row(sink, userId, trip, roadClass, matched, trip.nearByClass().getOrDefault(roadClass, 0), loadId);
        }
    }

    private static void row(ResultSink sink, String userId, TripOverlap trip, String roadClass, double matched,
                            int near, long loadId) {
        boolean hasMatch = !Double.isNaN(matched);
        DATASET.row(sink, userId, trip.tripId(), roadClass, Instant.ofEpochMilli(trip.startMillis()),
                Instant.ofEpochMilli(trip.endMillis()), trip.method().id(), trip.fixCount(), trip.sampledFixes(), trip.gpsLengthMeters(),
                hasMatch ? matched : null,
                hasMatch && trip.gpsLengthMeters() > 0 ? matched / trip.gpsLengthMeters() : null,
                near, (double) near / trip.sampledFixes(), loadId);
    }
}
