package dev.tracks.analysis.worker.grid;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import dev.tracks.analysis.worker.store.Sql;
import dev.tracks.analysis.worker.store.UserResults;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The grid_cells dataset: grid_system writes cell visits to grid_cell_visits (resumable in time order); the
 * grid_cells view sums them per user and cell, and is what is read and exported.
 */
public final class GridCellsTable {

    public static final SkillDataset DATASET = new SkillDataset(Dataset.GRID_CELLS, new ResultTable(
            "grid_cell_visits", List.of("user_id", "cell", "resolution", "started_at", "finished_at", "last_fix_at",
            "first_point_id", "last_point_id", "n_points"), "started_at"),
            new CsvExport("grid_cells.csv", "grid_cells", List.of(Column.of("user_id"),
                    new Column("h3_cell", settings -> "to_hex(cell)", "hex"), Column.of("resolution"),
                    Column.of("visits"), Column.of("n_points"), Column.rounded("dwell_seconds", 1),
                    Column.time("first_seen"), Column.time("last_seen")), "user_id, cell"));

    private GridCellsTable() {
    }

    static void write(ResultSink sink, String userId, CellVisit visit) {
        DATASET.row(sink, userId, visit.cell(), CellVisits.resolutionOf(visit.cell()),
                Instant.ofEpochMilli(visit.startMillis()), Instant.ofEpochMilli(visit.endMillis()),
                Instant.ofEpochMilli(visit.lastFixMillis()), visit.firstFixId(), visit.lastFixId(), visit.fixCount());
    }

    /** The H3 resolution of the user's cells; empty when grid_system stored none for the user. */
    public static Optional<Integer> resolution(Connection db, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT resolution FROM grid_cell_visits WHERE user_id = ? LIMIT 1")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    /**
     * All of the user's cell visits in the order of their fixes (time, then fix id, as the fixes are read), provisional
     * ones included.
     */
    public static List<CellVisit> visits(Connection db, String userId) throws SQLException {
        return UserResults.read(db, "grid_cell_visits", "cell, first_point_id, last_point_id, n_points, started_at,"
                + " last_fix_at, finished_at", "started_at, first_point_id", userId, null, row -> new CellVisit(
                row.getLong(1), row.getLong(2), row.getLong(3), row.getInt(4), Sql.instant(row, 5).toEpochMilli(),
                Sql.instant(row, 6).toEpochMilli(), Sql.instant(row, 7).toEpochMilli()));
    }

    /** The number of distinct cells the user visited. */
    public static long distinctCells(Connection db, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT count(DISTINCT cell) FROM grid_cell_visits WHERE user_id = ?")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
