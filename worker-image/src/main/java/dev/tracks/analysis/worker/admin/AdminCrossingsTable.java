package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.admin.Crossing.Place;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/** The admin_crossings dataset: per user and level, the changes of administrative area; recomputed per user. */
public final class AdminCrossingsTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.ADMIN_CROSSINGS, List.of("user_id", "level",
            "from_code", "from_country", "from_name", "to_code", "to_country", "to_name", "crossed_at", "lat", "lon",
            "on_boundary", "in_gap", "gap_started_at", "gap_ended_at", "before_point_id", "after_point_id",
            "reference_load_id"),
            new CsvExport("admin_crossings.csv", "admin_crossings", List.of(Column.of("user_id"), Column.of("level"),
                    Column.of("from_code", "empty: from no area of the level (at sea)"), Column.of("from_country"),
                    Column.of("from_name"), Column.of("to_code", "empty: into no area of the level"),
                    Column.of("to_country"), Column.of("to_name"),
                    Column.time("crossed_at", "empty: in a recording gap"), Column.of("lat"), Column.of("lon"),
                    Column.of("on_boundary", "false: the segment's midpoint (it meets neither boundary)"),
                    Column.of("in_gap"), Column.time("gap_started_at"), Column.time("gap_ended_at"),
                    Column.of("before_point_id"), Column.of("after_point_id"), Column.of("reference_load_id")),
                    "user_id, level, coalesce(crossed_at, gap_ended_at), before_point_id"));

    private AdminCrossingsTable() {
    }

    static void write(ResultSink sink, String userId, Crossing crossing) {
        AdminArea from = crossing.from();
        AdminArea to = crossing.to();
        Place place = crossing.place();
        boolean gap = crossing.inGap();
        DATASET.row(sink, userId, crossing.level(), from == null ? null : from.code(),
                from == null ? null : from.country(), from == null ? null : from.name(), to == null ? null : to.code(),
                to == null ? null : to.country(), to == null ? null : to.name(),
                gap ? null : Instant.ofEpochMilli(place.millis()), gap ? null : place.lat(), gap ? null : place.lon(),
                gap ? null : place.onBoundary(), gap, gap ? Instant.ofEpochMilli(crossing.gapStartMillis()) : null,
                gap ? Instant.ofEpochMilli(crossing.gapEndMillis()) : null, crossing.beforePointId(),
                crossing.afterPointId(), crossing.loadId());
    }
}
