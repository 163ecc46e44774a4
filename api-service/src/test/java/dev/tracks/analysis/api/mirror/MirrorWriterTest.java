package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.ApiTestEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static dev.tracks.analysis.api.mirror.MirrorFixtures.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The writer's retries, as when PostgreSQL is down, with writes that fail on purpose (the database of the test
 * environment cannot be stopped under the other tests).
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
class MirrorWriterTest {

    /** What happens while PostgreSQL is down: the write stays pending, is retried, and does not block others. */
    @Test
    void aFailedWriteIsRetriedWithoutHoldingUpTheOthers() throws InterruptedException {
        MirrorWriter writer = new MirrorWriter(Duration.ofMillis(200),
                new MirrorMetrics(new SimpleMeterRegistry(), () -> 0));
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
        MirrorWriter writer = new MirrorWriter(Duration.ofMillis(200),
                new MirrorMetrics(new SimpleMeterRegistry(), () -> 0));
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

    private record TestWrite(Runnable action, Instant since) implements MirrorWriter.Write {
        TestWrite(Runnable action) {
            this(action, Instant.now());
        }

        @Override
        public void write() {
            action.run();
        }

        @Override
        public MirrorWriter.Write followedBy(MirrorWriter.Write newer) {
            return newer;
        }
    }
}
