package dev.tracks.analysis.worker.speed;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.TripsTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * speed_events on the runtime: {@link SpeedEvents} over each user's clean fixes, each event named with the trip its
 * start falls in. Events after the trips' provisional end are provisional themselves (the runner caps them), so a trip
 * that grows is named again by the next run.
 */
public final class SpeedEventsSkill implements StreamSkill<SpeedEventParams, SpeedEvent> {

    @Override
    public Skill skill() {
        return Skill.SPEED_EVENTS;
    }

    @Override
    public Class<SpeedEventParams> parameters() {
        return SpeedEventParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(SpeedEventsTable.DATASET);
    }

    @Override
    public UserAnalysis<SpeedEvent> open(Connection db, String userId, Instant from, SpeedEventParams params)
            throws SQLException {
        TripAtTime trips = new TripAtTime(TripsTable.spans(db, userId, from));
        return (fixes, fromIndex) -> {
            StreamResult<SpeedEvent> found = SpeedEvents.detect(fixes, fromIndex, params);
            return new StreamResult<>(inTrips(found.finals(), trips), inTrips(found.provisional(), trips),
                    found.resumeIndex(), found.contextIndex());
        };
    }

    private static List<SpeedEvent> inTrips(List<SpeedEvent> events, TripAtTime trips) {
        return events.stream().map(event -> event.inTrip(trips.at(event.startMillis()))).toList();
    }

    @Override
    public void write(String userId, SpeedEvent event, ResultSink sink) {
        SpeedEventsTable.write(sink, userId, event);
    }
}
