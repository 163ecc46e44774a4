package dev.tracks.analysis.worker.density;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.grid.GridCellsTable;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.zone.LocalDayWalk;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * density_structure on the runtime: {@link DensityStructure} over the user's grid_system cell visits, recomputed whole
 * per user (a new visit anywhere changes the study area's mean and so every cell's z).
 */
public final class DensityStructureSkill implements UserSkill<DensityParams> {

    @Override
    public Skill skill() {
        return Skill.DENSITY_STRUCTURE;
    }

    @Override
    public Class<DensityParams> parameters() {
        return DensityParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(DensityHotspotsTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, DensityParams params, ResultSink sink) throws SQLException {
        LocalDayWalk days = new LocalDayWalk(UserTimeZones.resolver(db, userId, params.timeZone()));
        for (CellDensity row : DensityStructure.of(GridCellsTable.visits(db, userId), days, params)) {
            DensityHotspotsTable.write(sink, userId, row);
        }
    }
}
