package dev.tracks.analysis.worker.streak;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.trip.TripsTable;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * streak_detection on the runtime: {@link DailyActivity} over all of a user's fixes and trips, recomputed per user (a
 * late fix can join two runs, and which run is current depends on the last day).
 */
public final class StreakDetectionSkill implements UserFixesSkill<StreakParams> {

    @Override
    public Skill skill() {
        return Skill.STREAK_DETECTION;
    }

    @Override
    public Class<StreakParams> parameters() {
        return StreakParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(ActivityStreaksTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, UserFixes fixes, StreakParams params, ResultSink sink)
            throws SQLException {
        DailyActivity activity = new DailyActivity(UserTimeZones.resolver(db, userId, params.timeZone()));
        fixes.forEach(activity::addFix);
        for (TripsTable.TripSpan trip : TripsTable.spans(db, userId, null)) {
            activity.addTrip(trip.startMillis());
        }
        for (Streak streak : activity.streaks(params)) {
            ActivityStreaksTable.write(sink, userId, streak);
        }
    }
}
