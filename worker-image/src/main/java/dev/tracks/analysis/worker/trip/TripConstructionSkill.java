package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.TransportModeSkill;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * trip_construction on the runtime: {@link TripConstruction} over each user's clean fixes, with the stays and
 * movement segments of the time span read from their tables, into triplegs and trips. The runtime passes as final
 * only fixes before the resume points of stay detection and transport mode (its dependencies), as the algorithm needs.
 */
public final class TripConstructionSkill implements StreamSkill<Record> {

    static final ResultTable TRIPLEGS = new ResultTable("triplegs", List.of("tripleg_id", "user_id", "started_at",
            "finished_at", "first_point_id", "last_point_id", "n_points", "length_m", "mode_coarse", "mode"),
            "started_at");
    static final ResultTable TRIPS = new ResultTable("trips", List.of("trip_id", "user_id", "started_at",
            "finished_at", "origin_stay_id", "destination_stay_id", "tripleg_ids", "stay_ids"), "started_at");

    @Override
    public Skill skill() {
        return Skill.TRIP_CONSTRUCTION;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(TRIPLEGS, TRIPS);
    }

    @Override
    public UserAnalysis<Record> open(Connection db, String userId, Instant from, SkillParams params)
            throws SQLException {
        TripParams tripParams = new TripParams(params.number("activityThresholdMinutes"),
                params.number("gapThresholdMinutes"));
        Instant since = from == null ? null : from.minusMillis((long) (tripParams.gapThresholdMinutes() * 60_000));
        List<StayInterval> stays = stays(db, userId, since);
        List<ModeInterval> modes = modes(db, userId, from);
        return (fixes, fromIndex) -> {
            TripConstruction.Result result = TripConstruction.construct(fixes, fromIndex, stays, modes, tripParams);
            return merge(result.triplegs(), result.trips());
        };
    }

    /** Triplegs and trips share their resume and context index: one result stream of both. */
    private static StreamResult<Record> merge(StreamResult<Tripleg> triplegs, StreamResult<Trip> trips) {
        List<Record> finals = new ArrayList<>(triplegs.finals());
        finals.addAll(trips.finals());
        List<Record> provisional = new ArrayList<>(triplegs.provisional());
        provisional.addAll(trips.provisional());
        return new StreamResult<>(finals, provisional, triplegs.resumeIndex(), triplegs.contextIndex());
    }

    @Override
    public void write(String userId, Record result, ResultSink sink) {
        if (result instanceof Tripleg leg) {
            sink.row(TRIPLEGS, leg.id(), userId, Instant.ofEpochMilli(leg.startMillis()),
                    Instant.ofEpochMilli(leg.endMillis()), leg.firstFixId(), leg.lastFixId(), leg.fixCount(),
                    leg.lengthMeters(), TransportModeSkill.label(leg.modeCoarse()), TransportModeSkill.label(leg.mode()));
        } else if (result instanceof Trip trip) {
            sink.row(TRIPS, trip.id(), userId, Instant.ofEpochMilli(trip.startMillis()),
                    Instant.ofEpochMilli(trip.endMillis()),
                    trip.originStayId().isPresent() ? trip.originStayId().getAsLong() : null,
                    trip.destinationStayId().isPresent() ? trip.destinationStayId().getAsLong() : null,
                    trip.triplegIds(), trip.stayIds());
        } else {
            throw new IllegalArgumentException("not a trip_construction result: " + result);
        }
    }

    private static List<StayInterval> stays(Connection db, String userId, Instant since) throws SQLException {
        List<StayInterval> stays = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT stay_id, started_at, finished_at FROM stays"
                + " WHERE user_id = ? AND (?::timestamptz IS NULL OR finished_at >= ?) ORDER BY started_at")) {
            query.setString(1, userId);
            OffsetDateTime bound = since == null ? null : OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
            query.setObject(2, bound);
            query.setObject(3, bound);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    stays.add(new StayInterval(row.getLong(1), millis(row, 2), millis(row, 3)));
                }
            }
        }
        return stays;
    }

    private static List<ModeInterval> modes(Connection db, String userId, Instant from) throws SQLException {
        List<ModeInterval> modes = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT started_at, finished_at, mode_coarse, mode"
                + " FROM movement_segments WHERE user_id = ? AND (?::timestamptz IS NULL OR finished_at >= ?)"
                + " ORDER BY started_at")) {
            query.setString(1, userId);
            OffsetDateTime bound = from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
            query.setObject(2, bound);
            query.setObject(3, bound);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    modes.add(new ModeInterval(millis(row, 1), millis(row, 2),
                            CoarseMode.valueOf(row.getString(3).toUpperCase(Locale.ROOT)),
                            FineMode.valueOf(row.getString(4).toUpperCase(Locale.ROOT))));
                }
            }
        }
        return modes;
    }

    private static long millis(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
    }
}
