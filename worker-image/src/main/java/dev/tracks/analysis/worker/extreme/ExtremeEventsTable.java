package dev.tracks.analysis.worker.extreme;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/** The extreme_events dataset: per user, one row per kind of record. */
public final class ExtremeEventsTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.EXTREME_EVENTS, List.of("user_id", "kind",
            "value", "unit", "occurred_at", "lat", "lon", "reference_id"),
            new CsvExport("extreme_events.csv", "extreme_events", List.of(Column.of("user_id"),
                    Column.of("kind", "max_speed, farthest_from_home, longest_jump, longest_gap, longest_trip_duration,"
                            + " longest_trip_distance, highest_altitude, lowest_altitude"),
                    Column.rounded("value", 1), Column.of("unit"), Column.time("occurred_at"), Column.of("lat"),
                    Column.of("lon"), Column.of("reference_id", "a trip id for the longest_trip kinds, else a fix id")),
                    "user_id, kind"));

    private ExtremeEventsTable() {
    }

    static void write(ResultSink sink, String userId, ExtremeEvent event) {
        DATASET.row(sink, userId, event.kind().column(), event.value(), event.kind().unit(),
                Instant.ofEpochMilli(event.millis()), event.lat(), event.lon(), event.referenceId());
    }
}
