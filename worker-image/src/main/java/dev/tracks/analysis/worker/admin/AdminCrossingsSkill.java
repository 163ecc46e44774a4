package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * admin_crossings on the runtime: {@link AdminCrossings} over a user's geocoding runs (admin_visits), recomputed per
 * user as a whole (a late fix can split a run, and the jitter rule looks at the runs on both sides). The fixes are read
 * only for the positions of those on both sides of each change, and only up to the last of them; the boundaries come
 * from the admin load the runs name (see {@link AdminLoads}). Default minDwellSeconds 60.
 */
public final class AdminCrossingsSkill implements UserFixesSkill<AdminCrossingsParams> {

    private final AdminLoads loads = new AdminLoads();

    @Override
    public Skill skill() {
        return Skill.ADMIN_CROSSINGS;
    }

    @Override
    public Class<AdminCrossingsParams> parameters() {
        return AdminCrossingsParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(AdminCrossingsTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, UserFixes fixes, AdminCrossingsParams params,
                          ResultSink sink) throws SQLException {
        List<AdminCrossings.Change> changes = AdminCrossings.changes(
                LevelRuns.of(AdminVisitsTable.read(db, userId)), params.minDwellMillis());
        FixPositions positions = new FixPositions(AdminCrossings.fixesToPlace(changes));
        positions.read(fixes, UserFixes.PORTION);
        for (AdminCrossings.Change change : changes) {
            AdminCrossingsTable.write(sink, userId, AdminCrossings.place(change, positions,
                    loadId -> loads.of(db, userId, loadId)));
        }
    }
}
