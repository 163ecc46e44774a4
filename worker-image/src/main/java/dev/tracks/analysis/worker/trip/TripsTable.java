package dev.tracks.analysis.worker.trip;

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
import java.util.List;

/**
 * The trips dataset: triplegs grouped between activities, its id the id of its first tripleg. Read by the skills that
 * work per trip ({@link #spans}).
 */
public final class TripsTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.TRIPS, "started_at", List.of("trip_id",
            "user_id", "started_at", "finished_at", "origin_stay_id", "destination_stay_id", "tripleg_ids", "stay_ids"),
            new CsvExport("trips.csv", "trips", List.of(Column.of("user_id"), Column.of("trip_id"),
                    Column.time("started_at"), Column.time("finished_at"), Column.of("origin_stay_id"),
                    Column.of("destination_stay_id", "empty at a recording gap or the data's ends"),
                    Column.spaced("tripleg_ids", "space-separated")), "user_id, started_at"));

    /** A trip's id and time span, as the skills that work per trip need it. */
    public record TripSpan(long id, long startMillis, long endMillis) {
    }

    private TripsTable() {
    }

    static void write(ResultSink sink, String userId, Trip trip) {
        DATASET.row(sink, trip.id(), userId, Instant.ofEpochMilli(trip.startMillis()),
                Instant.ofEpochMilli(trip.endMillis()),
                trip.originStayId().isPresent() ? trip.originStayId().getAsLong() : null,
                trip.destinationStayId().isPresent() ? trip.destinationStayId().getAsLong() : null,
                trip.triplegIds(), trip.stayIds());
    }

    /**
     * A user's trips in time order.
     *
     * @param finishedSince only those that end at or after this time (null: all)
     */
    public static List<TripSpan> spans(Connection db, String userId, Instant finishedSince) throws SQLException {
        return UserResults.read(db, "trips", "trip_id, started_at, finished_at", "started_at", userId, finishedSince,
                row -> new TripSpan(row.getLong(1), Sql.instant(row, 2).toEpochMilli(),
                        Sql.instant(row, 3).toEpochMilli()));
    }
}
