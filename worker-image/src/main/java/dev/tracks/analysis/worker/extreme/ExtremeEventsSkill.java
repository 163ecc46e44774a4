package dev.tracks.analysis.worker.extreme;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.footprint.FootprintsTable;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.trip.TripsTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * extreme_events on the runtime: {@link ExtremeEvents} over all of a user's clean fixes, their trips and the home
 * footprint_stats found, recomputed whole for each user with new points (a quantile of all speeds cannot be resumed).
 */
public final class ExtremeEventsSkill implements UserFixesSkill<ExtremeEventParams> {

    @Override
    public Skill skill() {
        return Skill.EXTREME_EVENTS;
    }

    @Override
    public Class<ExtremeEventParams> parameters() {
        return ExtremeEventParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(ExtremeEventsTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, UserFixes fixes, ExtremeEventParams params, ResultSink sink)
            throws SQLException {
        List<ExtremeEvent> records = ExtremeEvents.find(fixes.all(), TripsTable.spans(db, userId, null),
                FootprintsTable.home(db, userId).orElse(null), params);
        for (ExtremeEvent record : records) {
            ExtremeEventsTable.write(sink, userId, record);
        }
    }
}
