package dev.tracks.analysis.worker.utilization;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.trip.TripsTable;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * utilization_efficiency on the runtime: {@link Utilization} over each user's clean fixes, with the trips of the time
 * span read from their table and the user's local days resolved by {@link UserTimeZones}.
 */
public final class UtilizationSkill implements StreamSkill<UtilizationParams, UtilizationSpan> {

    @Override
    public Skill skill() {
        return Skill.UTILIZATION_EFFICIENCY;
    }

    @Override
    public Class<UtilizationParams> parameters() {
        return UtilizationParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(UtilizationTable.DATASET);
    }

    @Override
    public UserAnalysis<UtilizationSpan> open(Connection db, String userId, Instant from, UtilizationParams params)
            throws SQLException {
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        UserTimeZones.Resolver zones = UserTimeZones.resolver(db, userId, params.timeZone());
        return (fixes, fromIndex) -> Utilization.analyze(fixes, fromIndex, trips, zones, params);
    }

    @Override
    public void write(String userId, UtilizationSpan span, ResultSink sink) {
        UtilizationTable.write(sink, userId, span);
    }
}
