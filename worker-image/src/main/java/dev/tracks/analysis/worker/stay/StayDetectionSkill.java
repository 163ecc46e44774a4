package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** stay_detection on the runtime: {@link StayDetection} over each user's clean fixes into stays. */
public final class StayDetectionSkill implements StreamSkill<Stay> {

    static final ResultTable STAYS = new ResultTable("stays", List.of("stay_id", "user_id", "started_at",
            "finished_at", "lat", "lon", "n_points", "elevation_m", "first_point_id", "last_point_id"), "started_at");

    @Override
    public Skill skill() {
        return Skill.STAY_DETECTION;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(STAYS);
    }

    @Override
    public UserAnalysis<Stay> open(Connection db, String userId, Instant from, SkillParams params) {
        StayParameters parameters = new StayParameters(params.number("distThresholdMeters"),
                params.number("timeThresholdMinutes"), params.number("gapThresholdMinutes"),
                params.bool("includeLast"));
        return (fixes, fromIndex) -> StayDetection.detectStays(fixes, fromIndex, parameters);
    }

    @Override
    public void write(String userId, Stay stay, ResultSink sink) {
        sink.row(STAYS, stay.firstFixId(), userId, Instant.ofEpochMilli(stay.startMillis()),
                Instant.ofEpochMilli(stay.endMillis()), stay.lat(), stay.lon(), stay.fixCount(),
                stay.elevationMeters(), stay.firstFixId(), stay.lastFixId());
    }
}
