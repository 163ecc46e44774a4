package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.mode.MovementSegmentsTable;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * trip_construction on the runtime: {@link TripConstruction} over each user's clean fixes, with the stays and
 * movement segments of the time span read from their tables, into triplegs and trips. The runtime passes as final
 * only fixes before the resume points of stay detection and transport mode (its dependencies), as the algorithm needs.
 */
public final class TripConstructionSkill implements StreamSkill<TripParams, Record> {

    @Override
    public Skill skill() {
        return Skill.TRIP_CONSTRUCTION;
    }

    @Override
    public Class<TripParams> parameters() {
        return TripParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(TriplegsTable.DATASET, TripsTable.DATASET);
    }

    @Override
    public UserAnalysis<Record> open(Connection db, String userId, Instant from, TripParams params)
            throws SQLException {
        Instant since = from == null ? null : from.minusMillis((long) params.gapMillis());
        List<StayInterval> stays = StaysTable.read(db, userId, since).stream()
                .map(stay -> new StayInterval(stay.id(), stay.startMillis(), stay.endMillis())).toList();
        List<ModeInterval> modes = MovementSegmentsTable.read(db, userId, from);
        return (fixes, fromIndex) -> {
            TripConstruction.Result result = TripConstruction.construct(fixes, fromIndex, stays, modes, params);
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
            TriplegsTable.write(sink, userId, leg);
        } else if (result instanceof Trip trip) {
            TripsTable.write(sink, userId, trip);
        } else {
            throw new IllegalArgumentException("not a trip_construction result: " + result);
        }
    }
}
