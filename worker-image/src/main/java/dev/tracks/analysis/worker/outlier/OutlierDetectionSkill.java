package dev.tracks.analysis.worker.outlier;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** outlier_detection on the runtime: {@link OutlierDetection} over all of each user's fixes into point_flags. */
public final class OutlierDetectionSkill implements StreamSkill<OutlierParameters, OutlierFlag> {

    @Override
    public Skill skill() {
        return Skill.OUTLIER_DETECTION;
    }

    @Override
    public Class<OutlierParameters> parameters() {
        return OutlierParameters.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(PointFlagsTable.DATASET);
    }

    @Override
    public UserAnalysis<OutlierFlag> open(Connection db, String userId, Instant from, OutlierParameters params) {
        return (fixes, fromIndex) -> OutlierDetection.detectOutliers(fixes, fromIndex, params);
    }

    @Override
    public void write(String userId, OutlierFlag flag, ResultSink sink) {
        PointFlagsTable.write(sink, userId, flag);
    }
}
