package dev.tracks.analysis.worker.geocoding;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.Sql;
import dev.tracks.analysis.worker.store.UserResults;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The admin_visits dataset: geocoding's runs through administrative areas, replaced from a time on; {@link #read} for
 * the skills that build on them (admin_crossings, admin_view).
 */
public final class AdminVisitsTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.ADMIN_VISITS, "started_at", List.of(
            "user_id", "level", "code", "country", "name", "started_at", "finished_at", "last_fix_at",
            "first_point_id", "last_point_id", "n_points", "reference_load_id"),
            new CsvExport("admin_visits.csv", "admin_visits", List.of(Column.of("user_id"), Column.of("level"),
                    Column.of("code", "empty: in no area of the level"), Column.of("country"), Column.of("name"),
                    Column.time("started_at"), Column.time("finished_at"), Column.time("last_fix_at"),
                    Column.of("first_point_id"), Column.of("last_point_id"), Column.of("n_points"),
                    Column.of("reference_load_id")), "user_id, started_at, level, first_point_id"));

    /**
     * A run as stored, with the admin load it was looked up in.
     *
     * @param referenceLoadId the load (reference_loads.id) whose areas {@code visit} names
     */
    public record StoredVisit(AdminVisit visit, long referenceLoadId) {
    }

    private AdminVisitsTable() {
    }

    /** A user's runs, per level in time order (levels ascending). */
    public static List<StoredVisit> read(Connection db, String userId) throws SQLException {
        return UserResults.read(db, "admin_visits", "level, code, country, name, started_at, finished_at, last_fix_at,"
                + " first_point_id, last_point_id, n_points, reference_load_id", "level, started_at, first_point_id",
                userId, null, row -> {
                    String code = row.getString(2);
                    AdminArea area = code == null ? null
                            : new AdminArea(row.getInt(1), code, row.getString(3), row.getString(4));
                    return new StoredVisit(new AdminVisit(row.getInt(1), area, row.getLong(8), row.getLong(9),
                            row.getInt(10), Sql.instant(row, 5).toEpochMilli(), Sql.instant(row, 7).toEpochMilli(),
                            Sql.instant(row, 6).toEpochMilli()), row.getLong(11));
                });
    }

    static void write(ResultSink sink, String userId, AdminVisit visit, long loadId) {
        AdminArea area = visit.area();
        DATASET.row(sink, userId, visit.level(), area == null ? null : area.code(),
                area == null ? null : area.country(), area == null ? null : area.name(),
                Instant.ofEpochMilli(visit.startMillis()), Instant.ofEpochMilli(visit.endMillis()),
                Instant.ofEpochMilli(visit.lastFixMillis()), visit.firstFixId(), visit.lastFixId(), visit.fixCount(),
                loadId);
    }
}
