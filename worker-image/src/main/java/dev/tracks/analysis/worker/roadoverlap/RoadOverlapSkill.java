package dev.tracks.analysis.worker.roadoverlap;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.reference.ReferenceData;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.roads.RoadGraph;
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
 * road_overlap on the runtime: {@link RoadOverlap} over each trip's clean fixes (per trip rather than per tripleg:
 * the trip is what a person travelled, and a tripleg's mode is often unknown; matching uses every road open to cars or
 * pedestrians in both directions, so it does not need the mode). The active OSM load is resolved once per task and
 * built into a {@link RoadGraph} ({@link #forTask}); each row records the load's id; no OSM load fails the task as not
 * retryable. A trip is final once a fix after its end has been read; the open one is provisional. Defaults:
 * maxDistanceMeters 20, candidateRadiusMeters 200, sigmaMeters 50, beta 2.
 */
public final class RoadOverlapSkill implements StreamSkill<RoadOverlapParams, TripOverlap> {

    /** The task's roads; null in the registry's instance, which only makes task instances. */
    private final RoadGraph roads;
    private final long loadId;

    public RoadOverlapSkill() {
        this(null, 0);
    }

    private RoadOverlapSkill(RoadGraph roads, long loadId) {
        this.roads = roads;
        this.loadId = loadId;
    }

    @Override
    public Skill skill() {
        return Skill.ROAD_OVERLAP;
    }

    @Override
    public Class<RoadOverlapParams> parameters() {
        return RoadOverlapParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(RoadOverlapsTable.DATASET);
    }

    @Override
    public StreamSkill<RoadOverlapParams, TripOverlap> forTask(Connection db, RoadOverlapParams params)
            throws SQLException {
        OsmNetwork network = ReferenceData.requireOsm(db);
        return new RoadOverlapSkill(RoadGraph.of(network), network.loadId());
    }

    @Override
    public UserAnalysis<TripOverlap> open(Connection db, String userId, Instant from, RoadOverlapParams params)
            throws SQLException {
        if (roads == null) {
            throw new IllegalStateException("road_overlap analyses users of a task: open them on forTask's skill");
        }
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        return (fixes, fromIndex) -> overlaps(fixes, fromIndex, trips, roads, params);
    }

    /** The overlaps of the trips that start at or after fix {@code from} ({@link PerTrip}). */
    static StreamResult<TripOverlap> overlaps(Fixes fixes, int from, List<TripSpan> trips, RoadGraph roads,
                                              RoadOverlapParams params) {
        return PerTrip.analyze(fixes, from, trips, (trip, tripFixes, first, end) ->
                RoadOverlap.of(trip.id(), tripFixes, first, end, roads, params));
    }

    @Override
    public void write(String userId, TripOverlap overlap, ResultSink sink) {
        RoadOverlapsTable.write(sink, userId, overlap, loadId);
    }
}
