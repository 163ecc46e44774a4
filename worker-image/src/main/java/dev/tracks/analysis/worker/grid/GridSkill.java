package dev.tracks.analysis.worker.grid;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * grid_system on the runtime: {@link CellVisits} over each user's clean fixes into grid_cell_visits; the per-cell
 * summary (the grid_cells view) aggregates them. Its context index equals its resume index, so each call starts
 * with the fix to analyze first.
 */
public final class GridSkill implements StreamSkill<GridParams, CellVisit> {

    @Override
    public Skill skill() {
        return Skill.GRID_SYSTEM;
    }

    @Override
    public Class<GridParams> parameters() {
        return GridParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(GridCellsTable.DATASET);
    }

    @Override
    public UserAnalysis<CellVisit> open(Connection db, String userId, Instant from, GridParams params) {
        return (fixes, fromIndex) -> {
            if (fromIndex != 0) {
                throw new IllegalStateException("grid analysis resumes at its context index, got from " + fromIndex);
            }
            return CellVisits.detect(fixes, params);
        };
    }

    @Override
    public void write(String userId, CellVisit visit, ResultSink sink) {
        GridCellsTable.write(sink, userId, visit);
    }
}
