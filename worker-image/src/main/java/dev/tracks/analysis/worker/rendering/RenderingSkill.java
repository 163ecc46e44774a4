package dev.tracks.analysis.worker.rendering;

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
 * rendering_metadata on the runtime: each trip's clean fixes rendered by {@link TrackRenderer} for every zoom level.
 * A trip is final once a fix after its end has been read; the trip still open at the end of the data is provisional
 * and rendered again by the next run.
 */
public final class RenderingSkill implements StreamSkill<RenderingParams, RenderingSkill.TripRendering> {

    /** One trip's rendering. */
    public record TripRendering(long tripId, TrackRendering rendering) {
    }

    @Override
    public Skill skill() {
        return Skill.RENDERING_METADATA;
    }

    @Override
    public Class<RenderingParams> parameters() {
        return RenderingParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(RenderingGeometriesTable.DATASET);
    }

    @Override
    public UserAnalysis<TripRendering> open(Connection db, String userId, Instant from, RenderingParams params)
            throws SQLException {
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        return (fixes, fromIndex) -> render(fixes, fromIndex, trips, params);
    }

    static StreamResult<TripRendering> render(Fixes fixes, int from, List<TripSpan> trips, RenderingParams params) {
        return PerTrip.analyze(fixes, from, trips, (trip, tripFixes, first, end) ->
                new TripRendering(trip.id(), TrackRenderer.render(tripFixes, first, end, params)));
    }

    @Override
    public void write(String userId, TripRendering trip, ResultSink sink) {
        RenderingGeometriesTable.write(sink, userId, trip.tripId(), trip.rendering());
    }
}
