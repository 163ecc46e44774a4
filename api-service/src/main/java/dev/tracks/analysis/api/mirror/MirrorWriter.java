package dev.tracks.analysis.api.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes the mirror on one thread of its own, so that the informer never waits on PostgreSQL. Pending writes are
 * keyed (by resource uid): a newer change of the same resource replaces one not written yet, so a burst of progress
 * updates costs one write. Up to {@code batchSize} due writes go to the {@link Sink} at once (one transaction), so
 * that the rate of changes is not bounded by one transaction per change.
 *
 * <p>When a batch fails, its writes are tried one at a time at once, so that one write that cannot succeed (a bad
 * row) does not hold up the others; a write that failed on its own stays pending and is retried, on its own, after a
 * pause that doubles with its failures, from one second up to {@code maxDelay}. When two writes fail on their own in
 * a row the database is taken to be down and the whole writer pauses the same way (doubling with the failures in a
 * row) until a write succeeds. Nothing pending is lost while the process lives; what is pending at shutdown is
 * recovered by the listing at the next start.
 */
final class MirrorWriter {

    /** One pending write. */
    interface Write {
        /** When the oldest change merged into this write was received. */
        Instant since();

        /** This write followed by a newer one of the same key, as one write. */
        Write followedBy(Write newer);
    }

    /** Writes a batch to the database, all or nothing; throws when it could not. */
    interface Sink {
        void write(List<Write> batch);
    }

    private record Failures(int count, long retryAtNanos) {
    }

    private static final Logger LOG = Logger.getLogger(MirrorWriter.class);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final Map<Object, Write> pending = new LinkedHashMap<>();
    private final Map<Object, Failures> failuresByKey = new HashMap<>();
    private final ScheduledThreadPoolExecutor thread;
    private final Duration maxDelay;
    private final int batchSize;
    private final Sink sink;
    private final MirrorMetrics metrics;
    /** True while a drain runs or the writer pauses; then new writes need not wake it. */
    private boolean busy;
    private int failuresInARow;
    private ScheduledFuture<?> wakeUp;

    MirrorWriter(Duration maxDelay, int batchSize, Sink sink, MirrorMetrics metrics) {
        this.maxDelay = maxDelay;
        this.batchSize = batchSize;
        this.sink = sink;
        this.metrics = metrics;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread named = new Thread(runnable, "tracks-mirror-writer");
            named.setDaemon(true);
            return named;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    synchronized void submit(Object key, Write write) {
        pending.merge(key, write, Write::followedBy);
        if (!busy && !thread.isShutdown()) {
            busy = true;
            thread.execute(this::drain);
        }
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    /** Stops after the write in progress, if any; what is still pending is dropped (the next start relists). */
    void close(Duration grace) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            thread.shutdownNow();
        }
        synchronized (this) {
            if (!pending.isEmpty()) {
                LOG.infof("status mirror stopped with %d pending writes; the next start relists them",
                        pending.size());
            }
            pending.clear();
            failuresByKey.clear();
        }
    }

    private void drain() {
        while (!thread.isShutdown()) {
            List<Map.Entry<Object, Write>> batch = nextDue();
            if (batch.isEmpty()) {
                return;
            }
            if (batch.size() > 1) {
                try {
                    sink.write(batch.stream().map(Map.Entry::getValue).toList());
                    succeeded(batch);
                    continue;
                } catch (RuntimeException e) {
                    metrics.failed();
                    LOG.warnf(e, "status mirror: a batch of %d writes failed, trying them one by one", batch.size());
                }
            }
            for (Map.Entry<Object, Write> single : batch) {
                if (thread.isShutdown()) {
                    return;
                }
                try {
                    sink.write(List.of(single.getValue()));
                } catch (RuntimeException e) {
                    if (failed(single, e)) {
                        return;
                    }
                    continue;
                }
                succeeded(List.of(single));
            }
        }
    }

    /**
     * The oldest due write alone if it failed before, else the oldest due writes that never failed, at most
     * batchSize; when none is due, marks the writer idle until the earliest retry and returns none.
     */
    private synchronized List<Map.Entry<Object, Write>> nextDue() {
        long now = System.nanoTime();
        long earliestRetry = Long.MAX_VALUE;
        List<Map.Entry<Object, Write>> batch = new ArrayList<>();
        for (Map.Entry<Object, Write> entry : pending.entrySet()) {
            Failures failures = failuresByKey.get(entry.getKey());
            if (failures == null) {
                batch.add(Map.entry(entry.getKey(), entry.getValue()));
                if (batch.size() == batchSize) {
                    return batch;
                }
            } else if (failures.retryAtNanos() - now <= 0) {
                if (batch.isEmpty()) {
                    return List.of(Map.entry(entry.getKey(), entry.getValue()));
                }
            } else {
                earliestRetry = Math.min(earliestRetry, failures.retryAtNanos());
            }
        }
        if (!batch.isEmpty()) {
            return batch;
        }
        busy = false;
        long delay = earliestRetry - now;
        if (earliestRetry != Long.MAX_VALUE
                && (wakeUp == null || wakeUp.isDone() || wakeUp.getDelay(TimeUnit.NANOSECONDS) > delay)) {
            if (wakeUp != null) {
                wakeUp.cancel(false);
            }
            wakeUp = thread.schedule(this::wakeUp, delay, TimeUnit.NANOSECONDS);
        }
        return List.of();
    }

    private synchronized void wakeUp() {
        if (!busy) {
            busy = true;
            thread.execute(this::drain);
        }
    }

    private synchronized void succeeded(List<Map.Entry<Object, Write>> done) {
        failuresInARow = 0;
        for (Map.Entry<Object, Write> write : done) {
            failuresByKey.remove(write.getKey());
            // A newer change that arrived meanwhile replaced the entry and stays pending.
            if (pending.get(write.getKey()) == write.getValue()) {
                pending.remove(write.getKey());
            }
            metrics.written(write.getValue().since());
        }
    }

    /** Schedules the failed write's retry; true when the whole writer pauses (the second failure in a row). */
    private synchronized boolean failed(Map.Entry<Object, Write> attempt, RuntimeException e) {
        metrics.failed();
        failuresInARow++;
        Failures before = failuresByKey.get(attempt.getKey());
        int count = before == null ? 1 : before.count() + 1;
        Duration retryIn = backoff(count);
        failuresByKey.put(attempt.getKey(), new Failures(count, System.nanoTime() + retryIn.toNanos()));
        LOG.warnf(e, "status mirror: write of %s failed (%d times), retrying in %d ms", attempt.getKey(), count,
                retryIn.toMillis());
        if (failuresInARow < 2) {
            return false;
        }
        Duration pause = backoff(failuresInARow - 1);
        LOG.warnf("status mirror: %d writes failed in a row, pausing %d ms", failuresInARow, pause.toMillis());
        thread.schedule(this::drain, pause.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** One second, doubled for each further failure, at most maxDelay. */
    private Duration backoff(int failures) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
