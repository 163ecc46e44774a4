package dev.tracks.analysis.worker.speed;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/** The speed_events dataset: one row per fast or slow interval, its id the id of its first fix. */
public final class SpeedEventsTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.SPEED_EVENTS, "started_at",
            List.of("user_id", "event_id", "kind", "started_at", "finished_at", "duration_s", "distance_m",
                    "max_speed_kmh", "mean_speed_kmh", "n_points", "trip_id"),
            new CsvExport("speed_events.csv", "speed_events", List.of(Column.of("user_id"), Column.of("event_id"),
                    Column.of("kind", "fast: above speedThresholdKmh; slow: below speedFloorKmh"),
                    Column.time("started_at"), Column.time("finished_at"), Column.rounded("duration_s", 1),
                    Column.rounded("distance_m", 1), Column.rounded("max_speed_kmh", 1),
                    Column.rounded("mean_speed_kmh", 1), Column.of("n_points"),
                    Column.of("trip_id", "empty outside any trip")),
                    "user_id, started_at, event_id"));

    private SpeedEventsTable() {
    }

    static void write(ResultSink sink, String userId, SpeedEvent event) {
        DATASET.row(sink, userId, event.firstFixId(), event.kind().column(), Instant.ofEpochMilli(event.startMillis()),
                Instant.ofEpochMilli(event.endMillis()), event.durationSeconds(), event.distanceMeters(),
                event.maxSpeedKmh(), event.meanSpeedKmh(), event.fixCount(), event.tripId());
    }
}
