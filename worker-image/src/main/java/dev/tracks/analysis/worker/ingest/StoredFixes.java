package dev.tracks.analysis.worker.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Bits of a packed sort key that hold the fix's position in its user's list; the rest hold its time. */
    private static final int POSITION_BITS = 17;
    /** The most fixes {@link #plan} takes at once: positions must fit their bits. */
    static final int MAX_CHUNK = 1 << POSITION_BITS;

    /** One user's closed time range, in microseconds since the epoch. */
    record Range(String userId, long firstMicros, long lastMicros) {
    }

    private StoredFixes() {
    }

    /**
     * What a chunk needs before it is written: which of its fixes repeat an earlier one of the chunk (same user, time
     * and position), and the time ranges of its users.
     *
     * @param repeated per fix of the chunk, whether it repeats an earlier one (the first in chunk order is kept)
     */
    record Plan(boolean[] repeated, List<Range> ranges) {
    }

    /**
     * Plans fixes[from, to): per user, the fixes sorted by time (primitive sort of time and position packed in one
     * long), cut into ranges at gaps, and equal times compared by position.
     */
    static Plan plan(List<ImportedFix> fixes, int from, int to) {
        if (to - from > MAX_CHUNK) {
            throw new IllegalArgumentException("a chunk has at most " + MAX_CHUNK + " fixes");
        }
        boolean[] repeated = new boolean[to - from];
        Map<String, Members> byUser = new HashMap<>();
        for (int i = from; i < to; i++) {
            byUser.computeIfAbsent(fixes.get(i).userId(), user -> new Members()).add(i);
        }
        List<Range> ranges = new ArrayList<>();
        byUser.forEach((user, group) -> {
            int size = group.size;
            int[] members = group.fixes;
            long base = Long.MAX_VALUE;
            for (int k = 0; k < size; k++) {
                base = Math.min(base, fixes.get(members[k]).epochMillis());
            }
            long[] packed = new long[size];
            for (int k = 0; k < size; k++) {
                packed[k] = (fixes.get(members[k]).epochMillis() - base) << POSITION_BITS | k;
            }
            Arrays.sort(packed);
            long first = millisOf(packed[0], base);
            for (int k = 1; k < size; k++) {
                long previous = millisOf(packed[k - 1], base);
                long time = millisOf(packed[k], base);
                if ((time - previous) * 1000 > GAP_MICROS) {
                    ranges.add(new Range(user, first * 1000, previous * 1000));
                    first = time;
                }
                for (int j = k - 1; j >= 0 && millisOf(packed[j], base) == time; j--) {
                    ImportedFix earlier = fixes.get(members[positionOf(packed[j])]);
                    ImportedFix fix = fixes.get(members[positionOf(packed[k])]);
                    if (earlier.lat() + 0.0 == fix.lat() + 0.0 && earlier.lon() + 0.0 == fix.lon() + 0.0) {
                        repeated[members[positionOf(packed[k])] - from] = true;
                        break;
                    }
                }
            }
            ranges.add(new Range(user, first * 1000, millisOf(packed[size - 1], base) * 1000));
        });
        return new Plan(repeated, ranges);
    }

    /** The chunk positions of one user's fixes. */
    private static final class Members {
        int[] fixes = new int[16];
        int size;

        void add(int position) {
            if (size == fixes.length) {
                fixes = Arrays.copyOf(fixes, 2 * size);
            }
            fixes[size++] = position;
        }
    }

    private static long millisOf(long packed, long base) {
        return (packed >>> POSITION_BITS) + base;
    }

    private static int positionOf(long packed) {
        return (int) (packed & ((1 << POSITION_BITS) - 1));
    }

    /** The keys of the stored fixes inside the ranges (as this transaction sees them). */
    static Set<FixKey> within(Connection db, List<Range> ranges) throws SQLException {
        Set<FixKey> stored = new HashSet<>();
        if (ranges.isEmpty()) {
            return stored;
        }
        // A lateral subquery kept apart (OFFSET 0) is planned per range with the range's values as parameters: an
        // index scan of exactly that range, never a join over the whole index.
        try (PreparedStatement query = db.prepareStatement("SELECT p.user_id,"
                + " (extract(epoch FROM p.recorded_at) * 1000000)::bigint, p.lat, p.lon"
                + " FROM unnest(?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[])"
                + " AS r (user_id, first_at, last_at)"
                + " CROSS JOIN LATERAL (SELECT t.user_id, t.recorded_at, t.lat, t.lon FROM track_points t"
                + " WHERE t.user_id = r.user_id AND t.recorded_at BETWEEN r.first_at AND r.last_at OFFSET 0) p")) {
            query.setArray(1, db.createArrayOf("text", ranges.stream().map(Range::userId).toArray()));
            query.setArray(2, db.createArrayOf("text", ranges.stream().map(range -> timestamp(range.firstMicros()))
                    .toArray()));
            query.setArray(3, db.createArrayOf("text", ranges.stream().map(range -> timestamp(range.lastMicros()))
                    .toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(new FixKey(rows.getString(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4)));
                }
            }
        }
        return stored;
    }

    /** An exact timestamptz literal (ISO-8601, UTC, to the microsecond). */
    private static String timestamp(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS).toString();
    }
}
