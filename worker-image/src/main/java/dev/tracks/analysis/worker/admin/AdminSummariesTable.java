package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/** The admin_summaries dataset (skill admin_view): per user, level and area; recomputed per user. */
public final class AdminSummariesTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.ADMIN_SUMMARIES, List.of("user_id",
            "level", "code", "country", "name", "dwell_seconds", "moving_seconds", "distance_meters", "local_days",
            "entries", "runs", "n_points", "first_fix_at", "last_fix_at", "reference_load_id"),
            new CsvExport("admin_summaries.csv", "admin_summaries", List.of(Column.of("user_id"), Column.of("level"),
                    Column.of("code", "empty: in no area of the level (at sea)"), Column.of("country"),
                    Column.of("name"), Column.rounded("dwell_seconds", 1), Column.rounded("moving_seconds", 1),
                    Column.rounded("distance_meters", 1), Column.of("local_days"), Column.of("entries"),
                    Column.of("runs"), Column.of("n_points"), Column.time("first_fix_at"), Column.time("last_fix_at"),
                    Column.of("reference_load_id")), "user_id, level, first_fix_at"));

    private AdminSummariesTable() {
    }

    static void write(ResultSink sink, String userId, AdminSummary summary) {
        AdminArea area = summary.area();
        DATASET.row(sink, userId, summary.level(), area == null ? null : area.code(),
                area == null ? null : area.country(), area == null ? null : area.name(), summary.dwellSeconds(),
                summary.movingSeconds(), summary.distanceMeters(), summary.localDays(), summary.entries(),
                summary.runs(), summary.fixCount(), Instant.ofEpochMilli(summary.firstFixMillis()),
                Instant.ofEpochMilli(summary.lastFixMillis()), summary.loadId());
    }
}
