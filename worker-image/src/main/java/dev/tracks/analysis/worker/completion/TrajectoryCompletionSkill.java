package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.mode.MovementSegmentsTable;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * trajectory_completion on the runtime: {@link TrajectoryCompletion} over each user's clean fixes, with the movement
 * segments of the time span read from transport_mode's table, into completed_gaps and synthetic_fixes (never
 * track_points). The OSM network is optional: the active osm load, if any, is resolved and read once per task
 * ({@link #forTask}), so every user is routed on one version (its id in each routed gap's row, and a new load marks the
 * results stale); without one, rail and road gaps get straight lines. Defaults: minGapSeconds 60, maxGapMinutes 1440,
 * spacingMeters 50, flightMinSpeedKmh 350, maxSnapMeters 300.
 */
public final class TrajectoryCompletionSkill implements StreamSkill<CompletionParams, CompletedGap> {

    /** The task's networks; null in the registry's instance, which only makes task instances. */
    private final Networks networks;

    public TrajectoryCompletionSkill() {
        this(null);
    }

    private TrajectoryCompletionSkill(Networks networks) {
        this.networks = networks;
    }

    @Override
    public Skill skill() {
        return Skill.TRAJECTORY_COMPLETION;
    }

    @Override
    public Class<CompletionParams> parameters() {
        return CompletionParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(CompletionTables.GAPS, CompletionTables.SYNTHETIC_FIXES);
    }

    @Override
    public StreamSkill<CompletionParams, CompletedGap> forTask(Connection db, CompletionParams params)
            throws SQLException {
        if (params.minGapMillis() >= params.maxGapMillis()) {
            throw WorkerFailure.notRetryable("minGapSeconds (" + params.minGapSeconds() + " s) must be less than"
                    + " maxGapMinutes (" + params.maxGapMinutes() + " min): no gap could be filled");
        }
        OptionalLong load = ReferenceLoads.activeLoadId(db, ReferenceKind.OSM);
        return new TrajectoryCompletionSkill(load.isPresent() ? Networks.of(OsmNetwork.read(db, load.getAsLong()))
                : Networks.NONE);
    }

    @Override
    public UserAnalysis<CompletedGap> open(Connection db, String userId, Instant from, CompletionParams params)
            throws SQLException {
        if (networks == null) {
            throw new IllegalStateException("trajectory_completion analyzes users of a task: open them on forTask's"
                    + " skill");
        }
        GapModes modes = new GapModes(MovementSegmentsTable.read(db, userId, from));
        return (fixes, fromIndex) -> TrajectoryCompletion.complete(fixes, fromIndex, modes, networks, params);
    }

    @Override
    public void write(String userId, CompletedGap gap, ResultSink sink) {
        CompletionTables.write(sink, userId, gap);
    }
}
