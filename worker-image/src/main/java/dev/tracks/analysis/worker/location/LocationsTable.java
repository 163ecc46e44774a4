package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The locations dataset: a user's stays clustered into places, with visits, dwell and role. Read by the skills that
 * place stays ({@link #read}).
 */
public final class LocationsTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.LOCATIONS, List.of("user_id",
            "location_id", "lat", "lon", "visits", "dwell_seconds", "first_visit_at", "last_visit_at", "role",
            "stay_ids"), new CsvExport("locations.csv", "locations", List.of(Column.of("user_id"),
            Column.of("location_id"), Column.of("lat"), Column.of("lon"), Column.of("visits"),
            Column.of("dwell_seconds"), Column.time("first_visit_at"), Column.time("last_visit_at"),
            Column.of("role", Arrays.stream(LocationRole.values()).map(LocationsTable::label)
                    .collect(Collectors.joining(", "))),
            Column.spaced("stay_ids", "space-separated")), "user_id, location_id"));

    /**
     * A stored location as the skills built on locations read it.
     *
     * @param stayIds the stays (stays.stay_id) that make up the location
     */
    public record StoredLocation(int locationId, double lat, double lon, LocationRole role, long[] stayIds) {
    }

    private LocationsTable() {
    }

    /** A user's locations in the order of their ids. */
    public static List<StoredLocation> read(Connection db, String userId) throws SQLException {
        List<StoredLocation> locations = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT location_id, lat, lon, role, stay_ids"
                + " FROM locations WHERE user_id = ? ORDER BY location_id")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Long[] stayIds = (Long[]) row.getArray(5).getArray();
                    locations.add(new StoredLocation(row.getInt(1), row.getDouble(2), row.getDouble(3),
                            LocationRole.valueOf(row.getString(4).toUpperCase(Locale.ROOT)),
                            Arrays.stream(stayIds).mapToLong(Long::longValue).toArray()));
                }
            }
        }
        return locations;
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
