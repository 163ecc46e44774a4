package dev.tracks.analysis.api.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whether or not earlier requests
 * have answered, and its latency is measured from that due time to its completion. A stalled system therefore shows
 * its stall in every request that was due meanwhile (no coordinated omission), and a late scheduler tick counts
 * against the system too, which errs on the pessimistic side. A system that cannot keep up is not waited for: what
 * is unanswered {@link #GRACE} after the last request was due is recorded with its wait so far (a lower bound).
 */
final class OpenLoop {

    static final Duration GRACE = Duration.ofSeconds(10);

    private OpenLoop() {
    }

    /** Each request's latency in nanoseconds, in request order; whether it failed or was still unanswered. */
    record Samples(long[] nanos, boolean[] failed, boolean[] unanswered) {

        /** The latencies of the requests whose index matches. */
        Latencies select(String name, IntPredicate which) {
            int[] chosen = IntStream.range(0, nanos.length).filter(which).toArray();
            long[] chosenNanos = new long[chosen.length];
            int errors = 0;
            int late = 0;
            for (int i = 0; i < chosen.length; i++) {
                chosenNanos[i] = nanos[chosen[i]];
                errors += failed[chosen[i]] ? 1 : 0;
                late += unanswered[chosen[i]] ? 1 : 0;
            }
            return Latencies.of(name, chosenNanos, errors, late);
        }

        Latencies all(String name) {
            return select(name, i -> true);
        }
    }

    /**
     * Sends {@code rate} requests per second for {@code duration}. {@code request} starts request {@code i} without
     * blocking and completes with true for a success, false (or exceptionally) for a failure.
     */
    static Samples run(int rate, Duration duration, IntFunction<CompletableFuture<Boolean>> request)
            throws InterruptedException {
        int count = (int) (rate * duration.toMillis() / 1000);
        long periodNanos = 1_000_000_000L / rate;
        AtomicLongArray latencies = new AtomicLongArray(count);
        boolean[] failed = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            // Catch up on every request that is due, in case ticks were late.
            long due = (System.nanoTime() - start) / periodNanos;
            for (int i = next.get(); i <= due && i < count; i = next.incrementAndGet()) {
                int index = i;
                long dueAt = start + index * periodNanos;
                CompletableFuture<Boolean> sent;
                try {
                    sent = request.apply(index);
                } catch (RuntimeException e) {
                    sent = CompletableFuture.failedFuture(e);
                }
                sent.whenComplete((ok, failure) -> {
                    failed[index] = failure != null || !Boolean.TRUE.equals(ok);
                    latencies.compareAndSet(index, 0, Math.max(1, System.nanoTime() - dueAt));
                    done.countDown();
                });
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(duration.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        ticker.shutdownNow();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
        long[] nanos = new long[count];
        boolean[] unanswered = new boolean[count];
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            // Unanswered (or never sent, if the ticker fell behind): the wait so far.
            unanswered[i] = latencies.compareAndSet(i, 0, Math.max(1, now - (start + i * periodNanos)));
            nanos[i] = latencies.get(i);
        }
        return new Samples(nanos, failed, unanswered);
    }
}
