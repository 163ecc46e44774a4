package dev.tracks.analysis.worker.altitude;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.PerTrip;
import dev.tracks.analysis.worker.trip.TripsTable;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * altitude_dimension on the runtime: each trip's clean fixes profiled by {@link AltitudeProfiles}. A trip is final
 * once a fix after its end has been read; the trip still open at the end of the data is provisional and profiled
 * again by the next run.
 */
public final class AltitudeSkill implements StreamSkill<AltitudeParams, AltitudeProfile> {

    @Override
    public Skill skill() {
        return Skill.ALTITUDE_DIMENSION;
    }

    @Override
    public Class<AltitudeParams> parameters() {
        return AltitudeParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(AltitudeProfilesTable.DATASET);
    }

    @Override
    public UserAnalysis<AltitudeProfile> open(Connection db, String userId, Instant from, AltitudeParams params)
            throws SQLException {
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        return (fixes, fromIndex) -> profile(fixes, fromIndex, trips, params);
    }

    /** The profiles of the trips that start at or after fix {@code from} ({@link PerTrip}). */
    static StreamResult<AltitudeProfile> profile(Fixes fixes, int from, List<TripSpan> trips, AltitudeParams params) {
        return PerTrip.analyze(fixes, from, trips, (trip, tripFixes, first, end) ->
                AltitudeProfiles.of(trip.id(), tripFixes, first, end, params));
    }

    @Override
    public void write(String userId, AltitudeProfile profile, ResultSink sink) {
        AltitudeProfilesTable.write(sink, userId, profile);
    }
}
