package dev.tracks.analysis.worker.utilization;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.time.Instant;
import java.util.List;

/**
 * The utilization_metrics dataset: utilization_efficiency writes a row per trip and per local day to
 * utilization_spans (resumable in time order); the utilization_metrics view adds a row per user and the ratios
 * (moving share, straightness, coverage), and is what is exported.
 */
public final class UtilizationTable {

    public static final SkillDataset DATASET = new SkillDataset(Dataset.UTILIZATION_METRICS, new ResultTable(
            "utilization_spans", List.of("user_id", "scope", "trip_id", "local_date", "zone", "zone_source",
            "started_at", "finished_at", "n_points", "moving_s", "stopped_s", "span_s", "path_m", "beeline_m"),
            "started_at"),
            new CsvExport("utilization_metrics.csv", "utilization_metrics", List.of(Column.of("user_id"),
                    Column.of("scope", "trip, day or user"),
                    Column.of("scope_id", "the trip's id, the local date, or the user's id"),
                    Column.of("zone"), Column.of("zone_source", "user, location or parameter"),
                    Column.time("started_at"), Column.time("finished_at"), Column.of("n_points"),
                    Column.rounded("moving_s", 1), Column.rounded("stopped_s", 1),
                    Column.rounded("moving_share", 4), Column.rounded("straightness", 4),
                    Column.rounded("coverage", 4)),
                    "user_id, CASE scope WHEN 'user' THEN 0 WHEN 'day' THEN 1 ELSE 2 END, started_at, scope_id"));

    private UtilizationTable() {
    }

    static void write(ResultSink sink, String userId, UtilizationSpan span) {
        DATASET.row(sink, userId, span.isTrip() ? "trip" : "day", span.tripId(), span.localDate(),
                span.zone().zone().getId(), span.zone().source().column(), Instant.ofEpochMilli(span.startMillis()),
                Instant.ofEpochMilli(span.endMillis()), span.fixCount(), span.movingSeconds(), span.stoppedSeconds(),
                span.spanSeconds(), span.pathMeters(), span.beelineMeters());
    }
}
