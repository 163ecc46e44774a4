package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** stay_detection on the runtime: {@link StayDetection} over each user's clean fixes into stays. */
public final class StayDetectionSkill implements StreamSkill<StayParameters, Stay> {

    @Override
    public Skill skill() {
        return Skill.STAY_DETECTION;
    }

    @Override
    public Class<StayParameters> parameters() {
        return StayParameters.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(StaysTable.DATASET);
    }

    @Override
    public UserAnalysis<Stay> open(Connection db, String userId, Instant from, StayParameters params) {
        return (fixes, fromIndex) -> StayDetection.detectStays(fixes, fromIndex, params);
    }

    @Override
    public void write(String userId, Stay stay, ResultSink sink) {
        StaysTable.write(sink, userId, stay);
    }
}
