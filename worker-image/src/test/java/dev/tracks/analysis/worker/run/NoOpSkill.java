package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.outlier.OutlierParameters;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * A benchmark skill that reads every fix and finds nothing, so that its run costs what the runtime itself costs:
 * counting the work, reading the points, one watermark upsert and one commit per batch. It runs under the catalog
 * name of outlier_detection, a skill without dependencies, and like the analyses downstream of it reads only fixes
 * without an outlier flag.
 */
final class NoOpSkill implements StreamSkill<OutlierParameters, Object> {

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
        return List.of();
    }

    @Override
    public UserAnalysis<Object> open(Connection db, String userId, Instant from, OutlierParameters params) {
        return (fixes, fromIndex) -> new StreamResult<>(List.of(), List.of(), fixes.size(), fixes.size());
    }

    @Override
    public void write(String userId, Object result, ResultSink sink) {
        throw new IllegalStateException("the no-op skill has no results");
    }
}
