package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** transport_mode on the runtime: {@link TransportMode} over each user's clean fixes into movement_segments. */
public final class TransportModeSkill implements StreamSkill<TransportModeParams, MovementSegment> {

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
    public UserAnalysis<MovementSegment> open(Connection db, String userId, Instant from, TransportModeParams params) {
        return (fixes, fromIndex) -> TransportMode.segments(fixes, fromIndex, params);
    }

    @Override
    public void write(String userId, MovementSegment segment, ResultSink sink) {
        MovementSegmentsTable.write(sink, userId, segment);
    }
}
