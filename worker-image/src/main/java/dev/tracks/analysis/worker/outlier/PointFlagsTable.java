package dev.tracks.analysis.worker.outlier;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The point_flags dataset: one row per fix that outlier detection flagged, with its reason. */
public final class PointFlagsTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.POINT_FLAGS, "recorded_at",
            List.of("point_id", "user_id", "recorded_at", "reason"),
            new CsvExport("point_flags.csv", "point_flags", List.of(Column.of("user_id"), Column.of("point_id"),
                    Column.time("recorded_at"), Column.of("reason", Arrays.stream(OutlierReason.values())
                            .map(Enum::name).collect(Collectors.joining(", ")))),
                    "user_id, recorded_at, point_id, reason"));

    private PointFlagsTable() {
    }

    static void write(ResultSink sink, String userId, OutlierFlag flag) {
        DATASET.row(sink, flag.fixId(), userId, Instant.ofEpochMilli(flag.timeMillis()), flag.reason().name());
    }
}
