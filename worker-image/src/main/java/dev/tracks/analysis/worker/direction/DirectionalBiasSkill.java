package dev.tracks.analysis.worker.direction;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.trip.TripsTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * directional_bias on the runtime: {@link HeadingWalk} over each user's clean fixes, read once in portions, with the
 * user's trips; recomputed whole for each user with new points (a circular mean over all steps has no resumable
 * state worth keeping, and a late point changes only its user's rows). Scopes are the user and each trip: a trip is
 * one purposeful movement, where a local day mixes the way out with the way back.
 */
public final class DirectionalBiasSkill implements UserFixesSkill<DirectionParams> {

    @Override
    public Skill skill() {
        return Skill.DIRECTIONAL_BIAS;
    }

    @Override
    public Class<DirectionParams> parameters() {
        return DirectionParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(DirectionalMetricsTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, UserFixes fixes, DirectionParams params, ResultSink sink)
            throws SQLException {
        HeadingWalk walk = new HeadingWalk(TripsTable.spans(db, userId, null), params);
        fixes.forEach(walk);
        for (DirectionalBias bias : walk.results()) {
            DirectionalMetricsTable.write(sink, userId, bias);
        }
    }
}
