package dev.tracks.analysis.worker.slicing;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The time_space_slices dataset: one row per user, local time bucket and H3 cell, ordered for the runtime by the
 * row's first contributing fix ({@code first_evidence_at}).
 */
public final class TimeSpaceSlicesTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.TIME_SPACE_SLICES, "first_evidence_at",
            List.of("user_id", "granularity", "bucket_start", "bucket_end", "local_start", "zone", "zone_source",
                    "cell", "resolution", "n_points", "dwell_seconds", "distance_m", "first_evidence_at"),
            new CsvExport("time_space_slices.csv", "time_space_slices", List.of(Column.of("user_id"),
                    Column.of("granularity"), Column.time("bucket_start"), Column.time("bucket_end"),
                    new Column("local_start", settings -> "to_char(local_start, 'YYYY-MM-DD\"T\"HH24:MI')",
                            "the bucket's start on the wall clock of zone"),
                    Column.of("zone"), Column.of("zone_source", "user, location or parameter"),
                    new Column("h3_cell", settings -> "to_hex(cell)", "hex"), Column.of("resolution"),
                    Column.of("n_points"), Column.rounded("dwell_seconds", 1), Column.rounded("distance_m", 1)),
                    "user_id, bucket_start, bucket_end, cell"));

    private TimeSpaceSlicesTable() {
    }

    static void write(ResultSink sink, String userId, TimeSlice slice) {
        DATASET.row(sink, userId, slice.granularity().name(), Instant.ofEpochMilli(slice.bucketStartMillis()),
                Instant.ofEpochMilli(slice.bucketEndMillis()), slice.localStart().toInstant(ZoneOffset.UTC),
                slice.zone().getId(), slice.zoneSource().column(), slice.cell(), slice.resolution(),
                slice.fixCount(), slice.dwellMillis() / 1000.0, slice.distanceMeters(),
                Instant.ofEpochMilli(slice.firstEvidenceMillis()));
    }
}
