package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegmentsTable;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The completed_gaps and synthetic_fixes datasets: trajectory_completion's gaps and their synthetic fixes, both
 * replaced from a gap's start time on (a gap's fixes go with it).
 */
public final class CompletionTables {

    private static final String METHODS = Arrays.stream(GapMethod.values()).map(GapMethod::label)
            .collect(Collectors.joining(", "));

    public static final SkillDataset GAPS = SkillDataset.timed(Dataset.COMPLETED_GAPS, "started_at", List.of(
            "user_id", "started_at", "finished_at", "first_point_id", "last_point_id", "distance_m",
            "implied_speed_kmh", "mode_before", "mode_after", "wanted_method", "method", "path_length_m",
            "n_synthetic", "reference_load_id"),
            new CsvExport("completed_gaps.csv", "completed_gaps", List.of(Column.of("user_id"),
                    Column.time("started_at"), Column.time("finished_at"), Column.of("first_point_id"),
                    Column.of("last_point_id"), Column.rounded("distance_m", 1),
                    Column.rounded("implied_speed_kmh", 1),
                    Column.of("mode_before", "empty: no movement segment at the fix"), Column.of("mode_after"),
                    Column.of("wanted_method", METHODS),
                    Column.of("method", "linear where a route was wanted but the network is not loaded or does not"
                            + " reach both ends"),
                    Column.rounded("path_length_m", 1), Column.of("n_synthetic"), Column.of("reference_load_id")),
                    "user_id, started_at"));

    public static final SkillDataset SYNTHETIC_FIXES = SkillDataset.timed(Dataset.SYNTHETIC_FIXES, "gap_started_at",
            List.of("user_id", "gap_started_at", "gap_first_point_id", "seq", "recorded_at", "lat", "lon"),
            new CsvExport("synthetic_fixes.csv", "synthetic_fixes", List.of(Column.of("user_id"),
                    Column.time("gap_started_at"), Column.of("gap_first_point_id"), Column.of("seq"),
                    Column.time("recorded_at"), Column.rounded("lat", 6), Column.rounded("lon", 6)),
                    "user_id, gap_started_at, seq"));

    private CompletionTables() {
    }

    static void write(ResultSink sink, String userId, CompletedGap gap) {
        Instant started = Instant.ofEpochMilli(gap.startMillis());
        GAPS.row(sink, userId, started, Instant.ofEpochMilli(gap.endMillis()), gap.firstFixId(), gap.lastFixId(),
                gap.distanceMeters(), gap.impliedSpeedKmh(), label(gap.modeBefore()), label(gap.modeAfter()),
                gap.wanted().label(), gap.method().label(), gap.pathLengthMeters(), gap.syntheticCount(),
                gap.referenceLoadId());
        for (int k = 0; k < gap.syntheticCount(); k++) {
            SYNTHETIC_FIXES.row(sink, userId, started, gap.firstFixId(), k + 1, Instant.ofEpochMilli(gap.times()[k]),
                    gap.lats()[k], gap.lons()[k]);
        }
    }

    private static String label(FineMode mode) {
        return mode == null ? null : MovementSegmentsTable.label(mode);
    }
}
