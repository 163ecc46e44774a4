package dev.tracks.analysis.worker.timeaxis;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The time_axis_entries dataset: a user's space-time path in local-day time bins. */
public final class TimeAxisEntriesTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.TIME_AXIS_ENTRIES, List.of("user_id",
            "local_date", "bin_start", "bin_seconds", "state", "distance_from_home_m", "h3_cell", "location_id",
            "location_role", "zone", "zone_source"), new CsvExport("time_axis_entries.csv", "time_axis_entries",
            List.of(Column.of("user_id"), Column.of("local_date"), Column.time("bin_start"),
                    Column.of("bin_seconds"), Column.of("state", "stay, move, gap"),
                    Column.rounded("distance_from_home_m", 1),
                    new Column("h3_cell", settings -> "to_hex(h3_cell)", "hex"),
                    Column.of("location_id", "the stay's location (stay bins)"),
                    Column.of("location_role", "home, work, other"), Column.of("zone", "IANA zone of the day"),
                    Column.of("zone_source", "user, location, parameter")), "user_id, bin_start"));

    private TimeAxisEntriesTable() {
    }

    static void write(ResultSink sink, String userId, TimeAxisEntry entry) {
        DATASET.row(sink, userId, entry.date(), Instant.ofEpochMilli(entry.binStartMillis()), entry.binSeconds(),
                entry.state().column(), entry.distanceFromHomeMeters(), entry.h3Cell(), entry.locationId(),
                entry.role() == null ? null : entry.role().name().toLowerCase(Locale.ROOT),
                entry.zone().zone().getId(), entry.zone().source().column());
    }
}
