package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.skill.Skill;
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
 * transport_mode on the runtime: {@link TransportMode} over each user's clean fixes into movement_segments. The OSM
 * network is optional: the active osm load, if any, is read once per task ({@link #forTask}) and its tracks and roads
 * decide between rail and road where the motion cannot ({@link ModeNetwork}); a new load marks the results stale.
 */
public final class TransportModeSkill implements StreamSkill<TransportModeParams, MovementSegment> {

    /** The task's network; null in the registry's instance, which only makes task instances. */
    private final ModeNetwork network;

    public TransportModeSkill() {
        this(null);
    }

    private TransportModeSkill(ModeNetwork network) {
        this.network = network;
    }

    @Override
    public Skill skill() {
        return Skill.TRANSPORT_MODE;
    }

    @Override
    public Class<TransportModeParams> parameters() {
        return TransportModeParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(MovementSegmentsTable.DATASET);
    }

    @Override
    public StreamSkill<TransportModeParams, MovementSegment> forTask(Connection db, TransportModeParams params)
            throws SQLException {
        OptionalLong load = ReferenceLoads.activeLoadId(db, ReferenceKind.OSM);
        return new TransportModeSkill(load.isPresent() ? ModeNetwork.of(OsmNetwork.read(db, load.getAsLong()))
                : ModeNetwork.NONE);
    }

    @Override
    public UserAnalysis<MovementSegment> open(Connection db, String userId, Instant from, TransportModeParams params) {
        if (network == null) {
            throw new IllegalStateException("transport_mode analyzes users of a task: open them on forTask's skill");
        }
        return (fixes, fromIndex) -> TransportMode.segments(fixes, fromIndex, params, network);
    }

    @Override
    public void write(String userId, MovementSegment segment, ResultSink sink) {
        MovementSegmentsTable.write(sink, userId, segment);
    }
}
