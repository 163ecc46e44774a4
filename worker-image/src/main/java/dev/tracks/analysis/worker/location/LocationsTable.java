package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The locations dataset: a user's stays clustered into places, with visits, dwell and role. */
public final class LocationsTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.LOCATIONS, List.of("user_id",
            "location_id", "lat", "lon", "visits", "dwell_seconds", "first_visit_at", "last_visit_at", "role",
            "stay_ids"), new CsvExport("locations.csv", "locations", List.of(Column.of("user_id"),
            Column.of("location_id"), Column.of("lat"), Column.of("lon"), Column.of("visits"),
            Column.of("dwell_seconds"), Column.time("first_visit_at"), Column.time("last_visit_at"),
            Column.of("role", Arrays.stream(LocationRole.values()).map(LocationsTable::label)
                    .collect(Collectors.joining(", "))),
            Column.spaced("stay_ids", "space-separated")), "user_id, location_id"));

    private LocationsTable() {
    }

    static void write(ResultSink sink, String userId, Location location, List<Long> stayIds) {
        DATASET.row(sink, userId, location.locationId(), location.lat(), location.lon(), location.visitCount(),
                location.totalDwellMillis() / 1000.0, Instant.ofEpochMilli(location.firstVisitMillis()),
                Instant.ofEpochMilli(location.lastVisitMillis()), label(location.role()), stayIds);
    }

    private static String label(LocationRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
