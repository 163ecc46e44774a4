package dev.tracks.analysis.worker.complexity;

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
 * spatial_complexity on the runtime: each trip's clean fixes measured by {@link PathComplexities}, one stream walk
 * through {@link PerTrip}. Per trip rather than per tripleg, as the issue asks: a tripleg's mode change is no break in
 * the path's shape. A trip is final once a fix after its end has been read; the open one is provisional.
 */
public final class SpatialComplexitySkill implements StreamSkill<ComplexityParams, PathComplexity> {

    @Override
    public Skill skill() {
        return Skill.SPATIAL_COMPLEXITY;
    }

    @Override
    public Class<ComplexityParams> parameters() {
        return ComplexityParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(ComplexityMetricsTable.DATASET);
    }

    @Override
    public UserAnalysis<PathComplexity> open(Connection db, String userId, Instant from, ComplexityParams params)
            throws SQLException {
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        PathComplexities complexities = new PathComplexities();
        return (fixes, fromIndex) -> measure(fixes, fromIndex, trips, complexities, params);
    }

    /** The complexity of the trips that start at or after fix {@code from} ({@link PerTrip}). */
    static StreamResult<PathComplexity> measure(Fixes fixes, int from, List<TripSpan> trips,
                                                PathComplexities complexities, ComplexityParams params) {
        return PerTrip.analyze(fixes, from, trips, (trip, tripFixes, first, end) ->
                complexities.of(trip.id(), tripFixes, first, end, params));
    }

    @Override
    public void write(String userId, PathComplexity complexity, ResultSink sink) {
        ComplexityMetricsTable.write(sink, userId, complexity);
    }
}
