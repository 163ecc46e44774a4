package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.Sql;
import dev.tracks.analysis.worker.store.UserResults;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The stays dataset: one row per stay, its id the id of its first fix. Read by every skill built on stays
 * ({@link #read}).
 */
public final class StaysTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.STAYS, "started_at", List.of("stay_id",
            "user_id", "started_at", "finished_at", "lat", "lon", "n_points", "elevation_m", "first_point_id",
            "last_point_id"), new CsvExport("stays.csv", "stays", List.of(Column.of("user_id"), Column.of("stay_id"),
            Column.time("started_at"), Column.time("finished_at", "first fix after the stay"), Column.of("lat"),
            Column.of("lon"), Column.of("n_points"), Column.of("elevation_m"),
            new Column("is_activity", StaysTable::activityFlag,
                    "duration > trip_construction's activityThresholdMinutes")),
            "user_id, started_at"));

    private StaysTable() {
    }

    static void write(ResultSink sink, String userId, Stay stay) {
        DATASET.row(sink, stay.firstFixId(), userId, Instant.ofEpochMilli(stay.startMillis()),
                Instant.ofEpochMilli(stay.endMillis()), stay.lat(), stay.lon(), stay.fixCount(),
                stay.elevationMeters(), stay.firstFixId(), stay.lastFixId());
    }

    /**
     * A user's stays in time order.
     *
     * @param finishedSince only those that end at or after this time (null: all)
     */
    public static List<StoredStay> read(Connection db, String userId, Instant finishedSince) throws SQLException {
        return UserResults.read(db, "stays", "stay_id, started_at, finished_at, lat, lon", "started_at, stay_id",
                userId, finishedSince, row -> new StoredStay(row.getLong(1), Sql.instant(row, 2).toEpochMilli(),
                        Sql.instant(row, 3).toEpochMilli(), row.getDouble(4), row.getDouble(5)));
    }

    /** trackintel's activity flag with the run's trip_construction setting: duration strictly above it. */
    private static String activityFlag(CsvExport.Settings settings) {
        double minutes = settings.params(Skill.TRIP_CONSTRUCTION).number("activityThresholdMinutes");
        return "((finished_at - started_at) > make_interval(secs => " + minutes * 60 + "))::text";
    }
}
