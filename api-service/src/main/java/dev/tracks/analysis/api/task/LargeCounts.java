package dev.tracks.analysis.api.task;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The filters of GET /tasks that matched more than {@link TaskListing#TOTAL_CAP} tasks a moment ago, so that a page of
 * them is answered without counting again: counting 10,001 rows is what a page of such a filter costs most (tens of
 * ms when the visibility map is not set and each row is fetched), and "more than 10,000" stays true, because the
 * history only grows; a status or live-only filter can shrink, so the claim is kept for {@code tracks.api.list.
 * large-count-ttl} (10 s) only. Counts at or below the cap are never remembered: they are exact.
 */
@ApplicationScoped
class LargeCounts {

    /** More distinct filters than this are not expected; beyond it the memory is dropped rather than grown. */
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Long> expiryByFilter = new ConcurrentHashMap<>();
    private final long ttlNanos;

    LargeCounts(@ConfigProperty(name = "tracks.api.list.large-count-ttl", defaultValue = "10s") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    boolean known(String filter) {
        Long expiry = expiryByFilter.get(filter);
        return expiry != null && expiry - System.nanoTime() > 0;
    }

    void remember(String filter) {
        if (expiryByFilter.size() >= MAX_ENTRIES) {
            expiryByFilter.clear();
        }
        expiryByFilter.put(filter, System.nanoTime() + ttlNanos);
    }
}
