package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static dev.tracks.analysis.api.mirror.MirrorFixtures.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The writer's batches and retries, as when PostgreSQL is down or refuses a row, with writes that fail on purpose (the
 * database of the test environment cannot be stopped under the other tests).
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class MirrorWriterTest {

    /** What happens while PostgreSQL is down: the write stays pending, is retried, and does not block others. */
    @Test
    void aFailedWriteIsRetriedWithoutHoldingUpTheOthers() throws InterruptedException {
        MirrorWriter writer = writer(100, MirrorWriterTest::runAll);
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try {
            writer.submit("flaky", new TestWrite(() -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("database down");
                }
                written.add("flaky");
            }));
            writer.submit("steady", new TestWrite(() -> written.add("steady")));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(written).containsExactly("steady", "flaky"));
            assertThat(attempts).hasValue(3);
            assertThat(writer.pendingCount()).isZero();
        } finally {
            writer.close(Duration.ofSeconds(1));
        }
    }

    /** Every write fails for a while (database down): the writer pauses, then writes everything once it is back. */
    @Test
    void aPausedWriterResumesWhenTheDatabaseIsBack() throws InterruptedException {
        MirrorWriter writer = writer(100, MirrorWriterTest::runAll);
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try {
            for (String key : List.of("a", "b", "c")) {
                writer.submit(key, new TestWrite(() -> {
                    if (attempts.incrementAndGet() <= 5) {
                        throw new IllegalStateException("database down");
                    }
                    written.add(key);
                }));
            }

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(written).containsExactlyInAnyOrder("a", "b", "c"));
            assertThat(attempts).hasValue(8);
        } finally {
            writer.close(Duration.ofSeconds(1));
        }
    }

    /** Changes that arrive while a batch is written wait for the next batch, which takes them all, up to its size. */
    @Test
    void writesThatArriveMeanwhileGoInBatches() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<String> written = new CopyOnWriteArrayList<>();
        MirrorWriter writer = writer(10, batch -> {
            batchSizes.add(batch.size());
            firstStarted.countDown();
            waitFor(release);
            runAll(batch);
        });
        try {
            writer.submit("first", new TestWrite(() -> written.add("first")));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 25; i++) {
                String key = "k" + i;
                writer.submit(key, new TestWrite(() -> written.add(key)));
            }
            release.countDown();

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(written).hasSize(26));
            assertThat(batchSizes).containsExactly(1, 10, 10, 5);
            assertThat(written.subList(1, 26)).as("oldest first").isSortedAccordingTo(
                    Comparator.comparingInt(key -> Integer.parseInt(key.substring(1))));
        } finally {
            writer.close(Duration.ofSeconds(1));
        }
    }

    /** A batch fails because of one bad write: the others are written at once, one by one, the bad one retried. */
    @Test
    void aBadWriteInABatchDoesNotHoldUpTheOthers() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicInteger badAttempts = new AtomicInteger();
        MirrorWriter writer = writer(10, batch -> {
            firstStarted.countDown();
            waitFor(release);
            runAll(batch);
        });
        try {
            writer.submit("first", new TestWrite(() -> written.add("first")));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            writer.submit("bad", new TestWrite(() -> {
                if (badAttempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("a row the database refuses");
                }
                written.add("bad");
            }));
            for (String key : List.of("a", "b", "c")) {
                writer.submit(key, new TestWrite(() -> written.add(key)));
            }
            release.countDown();

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(written).containsExactly("first", "a", "b", "c",
                    "bad"));
            assertThat(badAttempts).as("once in the batch, once alone at once, once alone after a pause").hasValue(3);
            assertThat(writer.pendingCount()).isZero();
        } finally {
            writer.close(Duration.ofSeconds(1));
        }
    }

    private static MirrorWriter writer(int batchSize, MirrorWriter.Sink sink) {
        return new MirrorWriter(Duration.ofMillis(200), batchSize, sink,
                new MirrorMetrics(new SimpleMeterRegistry(), () -> 0));
    }

    /** As a database would: the writes in order, stopping at the first that fails. */
    private static void runAll(List<MirrorWriter.Write> batch) {
        batch.forEach(write -> ((TestWrite) write).action().run());
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record TestWrite(Runnable action, Instant since) implements MirrorWriter.Write {
        TestWrite(Runnable action) {
            this(action, Instant.now());
        }

        @Override
        public MirrorWriter.Write followedBy(MirrorWriter.Write newer) {
            return newer;
        }
    }
}
