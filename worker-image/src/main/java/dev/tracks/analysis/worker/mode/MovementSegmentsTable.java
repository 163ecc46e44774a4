package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.Sql;
import dev.tracks.analysis.worker.store.UserResults;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The movement_segments dataset: runs of clean fixes in one mode, with the speeds that classified them. Modes are
 * stored by their lower-case names, trackintel's labels. Read by trip construction ({@link #read}).
 */
public final class MovementSegmentsTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.MOVEMENT_SEGMENTS, "started_at",
            List.of("user_id", "started_at", "finished_at", "first_point_id", "last_point_id", "n_points", "length_m",
                    "median_speed_kmh", "p95_speed_kmh", "mode_coarse", "mode"),
            new CsvExport("movement_segments.csv", "movement_segments", List.of(Column.of("user_id"),
                    Column.time("started_at"), Column.time("finished_at"), Column.of("n_points"),
                    Column.rounded("length_m", 1), Column.rounded("median_speed_kmh", 2),
                    Column.rounded("p95_speed_kmh", 2), Column.of("mode_coarse", labels(CoarseMode.values())),
                    Column.of("mode", labels(FineMode.values()))), "user_id, started_at"));

    private MovementSegmentsTable() {
    }

    static void write(ResultSink sink, String userId, MovementSegment segment) {
        DATASET.row(sink, userId, Instant.ofEpochMilli(segment.startMillis()),
                Instant.ofEpochMilli(segment.endMillis()), segment.firstFixId(), segment.lastFixId(),
                segment.fixCount(), segment.lengthMeters(), segment.medianSpeedKmh(), segment.p95SpeedKmh(),
                label(segment.coarse()), label(segment.fine()));
    }

    /**
     * A user's segments in time order.
     *
     * @param finishedSince only those that end at or after this time (null: all)
     */
    public static List<ModeInterval> read(Connection db, String userId, Instant finishedSince) throws SQLException {
        return UserResults.read(db, "movement_segments", "started_at, finished_at, mode_coarse, mode", "started_at",
                userId, finishedSince, row -> new ModeInterval(Sql.instant(row, 1).toEpochMilli(),
                        Sql.instant(row, 2).toEpochMilli(),
                        CoarseMode.valueOf(row.getString(3).toUpperCase(Locale.ROOT)),
                        FineMode.valueOf(row.getString(4).toUpperCase(Locale.ROOT))));
    }

    /** The stored label of a mode: trackintel's lower-case names. */
    public static String label(Enum<?> mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /** The stored labels of all modes of a kind, for the CSV columns' notes. */
    public static String labels(Enum<?>[] modes) {
        return Arrays.stream(modes).map(MovementSegmentsTable::label).collect(Collectors.joining(", "));
    }
}
