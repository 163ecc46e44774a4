package dev.tracks.analysis.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's rounds on their real thread, with a tick of an hour so that only requests start them: at once,
 * coalesced while one runs, never two at a time, and at a requested time.
 */
class RoundsTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    /** Each round takes one permit before it ends: the test holds a round open as long as it likes. */
    private final Semaphore release = new Semaphore(0);
    /** One permit per round that has ended. */
    private final Semaphore ended = new Semaphore(0);
    private Rounds rounds;

    @AfterEach
    void stop() throws InterruptedException {
        release.release(100);
        rounds.stop(Duration.ofSeconds(5));
    }

    private void round() {
        started.incrementAndGet();
        if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            release.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        ended.release();
    }

    @Test
    void requestsDuringARoundCoalesceIntoOneMoreRound() throws InterruptedException {
        rounds = Rounds.start(this::round, HOUR, Clock.systemUTC());
        awaitStarted(1);

        for (int i = 0; i < 50; i++) {
            rounds.request();
        }
        release.release();
        assertThat(ended.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        awaitStarted(2);
        release.release();
        assertThat(ended.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        assertThat(ended.tryAcquire(300, TimeUnit.MILLISECONDS)).as("no third round").isFalse();
        assertThat(started.get()).isEqualTo(2);
        assertThat(overlaps.get()).isZero();
    }

    @Test
    void aRequestStartsARoundAtOnceWithoutTheTick() throws InterruptedException {
        rounds = Rounds.start(this::round, HOUR, Clock.systemUTC());
        release.release(100);
        assertThat(ended.tryAcquire(5, TimeUnit.SECONDS)).as("the first round").isTrue();

        long before = System.nanoTime();
        rounds.request();
        assertThat(ended.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(started.get()).isEqualTo(2);
    }

    @Test
    void aRoundRunsAtTheRequestedTimeAndAnEarlierTimeWins() throws InterruptedException {
        rounds = Rounds.start(this::round, HOUR, Clock.systemUTC());
        release.release(100);
        assertThat(ended.tryAcquire(5, TimeUnit.SECONDS)).as("the first round").isTrue();

        Instant requested = Instant.now();
        rounds.requestAt(requested.plus(HOUR));
        rounds.requestAt(requested.plusMillis(200));
        rounds.requestAt(requested.plusSeconds(30));
        assertThat(ended.tryAcquire(5, TimeUnit.SECONDS)).as("the round at +200 ms").isTrue();

        assertThat(Instant.now()).isAfterOrEqualTo(requested.plusMillis(200));
        assertThat(ended.tryAcquire(500, TimeUnit.MILLISECONDS)).as("no other round").isFalse();
        assertThat(started.get()).isEqualTo(2);
    }

    private void awaitStarted(int rounds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (started.get() < rounds && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(started.get()).isEqualTo(rounds);
    }
}
