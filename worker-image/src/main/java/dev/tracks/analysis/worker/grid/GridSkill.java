package dev.tracks.analysis.worker.grid;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * grid_system on the runtime: {@link CellVisits} over each user's clean fixes into grid_cell_visits; the per-cell
 * summary (the grid_cells view) aggregates them. Its context index equals its resume index, so each call starts
 * with the fix to analyze first.
 */
public final class GridSkill implements StreamSkill<CellVisit> {

    static final ResultTable VISITS = new ResultTable("grid_cell_visits", List.of("user_id", "cell", "resolution",
            "started_at", "finished_at", "last_fix_at", "first_point_id", "last_point_id", "n_points"),
            "started_at");

    @Override
    public Skill skill() {
        return Skill.GRID_SYSTEM;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(VISITS);
    }

    @Override
    public UserAnalysis<CellVisit> open(Connection db, String userId, Instant from, SkillParams params) {
        GridParams gridParams = new GridParams(params.integer("h3Resolution"), params.integer("maxDwellGapSeconds"));
        return (fixes, fromIndex) -> {
            if (fromIndex != 0) {
                throw new IllegalStateException("grid analysis resumes at its context index, got from " + fromIndex);
            }
            return CellVisits.detect(fixes, gridParams);
        };
    }

    @Override
    public void write(String userId, CellVisit visit, ResultSink sink) {
        sink.row(VISITS, userId, visit.cell(), CellVisits.resolutionOf(visit.cell()),
                Instant.ofEpochMilli(visit.startMillis()), Instant.ofEpochMilli(visit.endMillis()),
                Instant.ofEpochMilli(visit.lastFixMillis()), visit.firstFixId(), visit.lastFixId(), visit.fixCount());
    }
}
