package dev.tracks.analysis.api.mirror;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The mirror's meters; no label carries a task name. In Prometheus: {@code tracks_mirror_events_total{type}} (type
 * added, updated, resync, deleted from the informer; recorded from {@link TaskMirror#record}), {@code
 * tracks_mirror_lag_seconds} (from receiving a change to committing it, retries included),
 * {@code tracks_mirror_pending} (changes received and not yet written) and {@code tracks_mirror_failures_total}
 * (failed write attempts, each retried).
 */
final class MirrorMetrics {

    private final MeterRegistry registry;
    private final Timer lag;
    private final Counter failures;

    MirrorMetrics(MeterRegistry registry, Supplier<Number> pending) {
        this.registry = registry;
        this.lag = Timer.builder("tracks.mirror.lag")
                .description("Time from receiving a task change to committing it to analysis_tasks")
                .register(registry);
        this.failures = Counter.builder("tracks.mirror.failures")
                .description("Failed writes to analysis_tasks (each is retried)")
                .register(registry);
        Gauge.builder("tracks.mirror.pending", pending).description("Task changes not written yet")
                .register(registry);
    }

    void event(String type) {
        Counter.builder("tracks.mirror.events").description("Task changes received for the mirror, by type")
                .tag("type", type).register(registry).increment();
    }

    void written(Instant since) {
        lag.record(Duration.between(since, Instant.now()));
    }

    void failed() {
        failures.increment();
    }
}
