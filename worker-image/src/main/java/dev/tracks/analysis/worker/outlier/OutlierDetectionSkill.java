package dev.tracks.analysis.worker.outlier;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** outlier_detection on the runtime: {@link OutlierDetection} over all of each user's fixes into point_flags. */
public final class OutlierDetectionSkill implements StreamSkill<OutlierFlag> {

    static final ResultTable FLAGS = new ResultTable("point_flags",
            List.of("point_id", "user_id", "recorded_at", "reason"), "recorded_at");

    @Override
    public Skill skill() {
        return Skill.OUTLIER_DETECTION;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(FLAGS);
    }

    @Override
    public boolean readsFlaggedFixes() {
        return true;
    }

    @Override
    public UserAnalysis<OutlierFlag> open(Connection db, String userId, Instant from, SkillParams params) {
        OutlierParameters parameters = new OutlierParameters(params.number("maxSpeedKmh"),
                params.number("medianSpeedFactor"), params.number("maxAccuracyMeters"),
                params.number("driftRadiusMeters"), params.number("backtrackMaxAngleDegrees"));
        return (fixes, fromIndex) -> OutlierDetection.detectOutliers(fixes, fromIndex, parameters);
    }

    @Override
    public void write(String userId, OutlierFlag flag, ResultSink sink) {
        sink.row(FLAGS, flag.fixId(), userId, Instant.ofEpochMilli(flag.timeMillis()), flag.reason().name());
    }
}
