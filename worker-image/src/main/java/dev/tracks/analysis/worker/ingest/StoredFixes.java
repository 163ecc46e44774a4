package dev.tracks.analysis.worker.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored fixes a chunk of imported fixes could repeat. The chunk's times are cut per user into time ranges
 * (split where the chunk has no fix for {@link #GAP_MICROS}), and one query reads the stored keys inside those ranges
 * through the (user_id, recorded_at) index: in the common case of new data it returns nothing, and where an import
 * overlaps stored fixes it loads only the keys of the overlapping stretches.
 */
final class StoredFixes {

    /** A stretch without imported fixes longer than this starts a new range (an hour: a phone off, a night). */
    static final long GAP_MICROS = 3_600_000_000L;

    /** One user's closed time range, in microseconds since the epoch. */
    record Range(String userId, long firstMicros, long lastMicros) {
    }

    private StoredFixes() {
    }

    /** The ranges covering every fix of the chunk: per user, in time order, split at gaps of the chunk's fixes. */
    static List<Range> ranges(List<FixKey> keys) {
        Map<String, List<Long>> timesByUser = new HashMap<>();
        for (FixKey key : keys) {
            timesByUser.computeIfAbsent(key.userId(), user -> new ArrayList<>()).add(key.epochMicros());
        }
        List<Range> ranges = new ArrayList<>();
        timesByUser.forEach((user, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            long first = sorted[0];
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] - sorted[i - 1] > GAP_MICROS) {
                    ranges.add(new Range(user, first, sorted[i - 1]));
                    first = sorted[i];
                }
            }
            ranges.add(new Range(user, first, sorted[sorted.length - 1]));
        });
        return ranges;
    }

    /** The keys of the stored fixes inside the ranges (as this transaction sees them). */
    static Set<FixKey> within(Connection db, List<Range> ranges) throws SQLException {
        Set<FixKey> stored = new HashSet<>();
        if (ranges.isEmpty()) {
            return stored;
        }
        try (PreparedStatement query = db.prepareStatement("SELECT p.user_id,"
                + " (extract(epoch FROM p.recorded_at) * 1000000)::bigint, p.lat, p.lon"
                + " FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS r (user_id, first_us, last_us)"
                + " JOIN track_points p ON p.user_id = r.user_id"
                + " AND p.recorded_at BETWEEN timestamptz 'epoch' + r.first_us * interval '1 microsecond'"
                + " AND timestamptz 'epoch' + r.last_us * interval '1 microsecond'")) {
            query.setArray(1, db.createArrayOf("text", ranges.stream().map(Range::userId).toArray()));
            query.setArray(2, db.createArrayOf("bigint", ranges.stream().map(Range::firstMicros).toArray()));
            query.setArray(3, db.createArrayOf("bigint", ranges.stream().map(Range::lastMicros).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(new FixKey(rows.getString(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4)));
                }
            }
        }
        return stored;
    }
}
