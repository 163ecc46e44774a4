package dev.tracks.analysis.worker.speedspace;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.footprint.FootprintsTable;
import dev.tracks.analysis.worker.grid.CellVisit;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.grid.GridCellsTable;
import dev.tracks.analysis.worker.grid.GridParams;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * speed_space_coupling on the runtime: {@link SpeedSpaceCoupling} over all of a user's clean fixes, in the cells of
 * their grid_system visits ({@link FixCells}), outside the user's stays, with the home footprint_stats found;
 * recomputed whole per user
 * (percentiles and ranks cannot be resumed).
 */
public final class SpeedSpaceCouplingSkill implements UserFixesSkill<SpeedSpaceParams> {

    @Override
    public Skill skill() {
        return Skill.SPEED_SPACE_COUPLING;
    }

    @Override
    public Class<SpeedSpaceParams> parameters() {
        return SpeedSpaceParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(SpeedSpaceProfilesTable.DATASET, SpeedHomeCorrelationsTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, UserFixes fixes, SpeedSpaceParams params, ResultSink sink)
            throws SQLException {
        Fixes all = fixes.all();
        List<CellVisit> visits = GridCellsTable.visits(db, userId);
        int resolution = visits.isEmpty() ? SkillParams.defaults(GridParams.class).h3Resolution()
                : CellVisits.resolutionOf(visits.get(0).cell());
        SpeedSpaceCoupling.Result result = SpeedSpaceCoupling.analyze(all, FixCells.of(all, visits, resolution),
                StaysTable.read(db, userId, null), FootprintsTable.home(db, userId).orElse(null), params);
        for (CellSpeedProfile profile : result.cells()) {
            SpeedSpaceProfilesTable.write(sink, userId, profile);
        }
        SpeedHomeCorrelationsTable.write(sink, userId, result.correlation());
    }
}
