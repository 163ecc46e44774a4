package dev.tracks.analysis.worker.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * The keys (user, time, lat, lon) of the last {@code capacity} fixes of a file, to drop a fix identical to one just
 * before it. Exporters repeat fixes next to each other (a fix written twice, overlapping segments, the last point of
 * one GPX segment repeated as the first of the next), so a small rolling window catches them in sorted or reverse
 * sorted files with bounded memory. Identical fixes farther apart, and fixes already stored from an earlier import,
 * are the database side's to find (an anti-join or unique key on user_id, recorded_at, lat, lon).
 */
final class RecentFixKeys {

    private record Key(String userId, long epochMillis, double lat, double lon) {
    }

    private final Key[] ring;
    private final Set<Key> present;
    private int next;

    RecentFixKeys(int capacity) {
        ring = new Key[capacity];
        present = new HashSet<>(capacity * 2);
    }

    /** Remembers the fix's key; false if an identical key is among the remembered ones (the fix is a duplicate). */
    boolean add(ImportedFix fix) {
        // + 0.0 turns -0.0 into 0.0, so that the two zeros, equal as numbers, are one key
        Key key = new Key(fix.userId(), fix.epochMillis(), fix.lat() + 0.0, fix.lon() + 0.0);
        if (!present.add(key)) {
            return false;
        }
        Key evicted = ring[next];
        if (evicted != null) {
            present.remove(evicted);
        }
        ring[next] = key;
        next = (next + 1) % ring.length;
        return true;
    }
}
