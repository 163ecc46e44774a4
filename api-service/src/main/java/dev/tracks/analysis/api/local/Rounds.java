package dev.tracks.analysis.api.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the local controller decides: a round as soon as something it must react to happened ({@link #request}: an
 * attempt's process ended, a task was created or cancelled), at the time a decision waits for ({@link #requestAt}: a
 * retry's backoff, an attempt's deadline), and every tick as a safety net. Rounds run one at a time on one thread;
 * requests made while a round runs coalesce into one more round, which observes everything they were about, so a
 * burst of events costs at most two rounds.
 */
final class Rounds {

    private final Runnable round;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor thread;
    /** A round has been requested and has not started yet. */
    private final AtomicBoolean pending = new AtomicBoolean();
    private ScheduledFuture<?> wakeUp;
    private Instant wakeUpAt;

    private Rounds(Runnable round, Clock clock) {
        this.round = round;
        this.clock = clock;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> new Thread(runnable, "tracks-local"));
        // A stop must not wait for a wake-up planned for later (a retry's backoff).
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code round} at once, then on every request and every {@code tick} at least. */
    static Rounds start(Runnable round, Duration tick, Clock clock) {
        Rounds rounds = new Rounds(round, clock);
        rounds.thread.scheduleWithFixedDelay(rounds::request, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return rounds;
    }

    /** A round as soon as possible: now, or right after the round that is running. */
    void request() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException stopped) {
                // Stopping: the workers' last exits are recorded by the stop itself.
            }
        }
    }

    /** A round at {@code at}, unless one is due earlier anyway; an earlier time replaces a later one. */
    synchronized void requestAt(Instant at) {
        if (wakeUp != null && !wakeUp.isDone() && !at.isBefore(wakeUpAt)) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        try {
            wakeUp = thread.schedule(this::request, Math.max(0, Duration.between(clock.instant(), at).toNanos()),
                    TimeUnit.NANOSECONDS);
            wakeUpAt = at;
        } catch (RejectedExecutionException stopped) {
            // Stopping: no more rounds.
        }
    }

    /** No more rounds after the one running or requested; waits up to {@code grace} for them. */
    void stop(Duration grace) throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        pending.set(false);
        round.run();
    }
}
