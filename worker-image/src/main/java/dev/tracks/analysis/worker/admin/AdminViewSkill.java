package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.store.FixStream;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * admin_view on the runtime: {@link AdminSummaries} over a user's geocoding runs (admin_visits) and clean fixes,
 * recomputed per user as a whole (sums and distinct days over all of the user's runs). Defaults: minDwellSeconds 60,
 * stoppedSpeedKmh 1, timeZone UTC.
 */
public final class AdminViewSkill implements UserFixesSkill<AdminViewParams> {

    @Override
    public Skill skill() {
        return Skill.ADMIN_VIEW;
    }

    @Override
    public Class<AdminViewParams> parameters() {
        return AdminViewParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(AdminSummariesTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, UserFixes fixes, AdminViewParams params, ResultSink sink)
            throws SQLException {
        List<LevelRuns> levels = LevelRuns.of(AdminVisitsTable.read(db, userId));
        if (levels.isEmpty()) {
            return;
        }
        AdminSummaries summaries = new AdminSummaries(levels, params.minDwellMillis(), params.stoppedSpeedKmh(),
                UserTimeZones.resolver(db, userId, params.timeZone()));
        addAll(summaries, fixes, UserFixes.PORTION);
        for (AdminSummary summary : summaries.summaries()) {
            AdminSummariesTable.write(sink, userId, summary);
        }
    }

    /** Passes the fixes in portions, each after the last fix of the one before (where its first step starts). */
    static void addAll(AdminSummaries summaries, UserFixes fixes, int portion) throws SQLException {
        Fixes buffer = new Fixes(portion + 1);
        int carried = 0;
        try (FixStream stream = fixes.open()) {
            while (stream.readInto(buffer, portion) > 0) {
                summaries.add(buffer, carried);
                buffer.dropBefore(buffer.size() - 1);
                carried = 1;
            }
        }
    }
}
