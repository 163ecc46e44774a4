package dev.tracks.analysis.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the controller plans its next round without an event: the earliest retry or deadline. */
class LocalControllerTest {

    private static final Instant T = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void theEarliestRetryOrDeadlineIsTheNextWakeUp() {
        List<Decision> decisions = List.of(new Decision.Start(),
                new Decision.AwaitRetry(T.plusSeconds(30), failed(1)),
                new Decision.AwaitRetry(T.plusSeconds(10), failed(2)),
                new Decision.Wait("WaitingForDependencies", "z"));

        assertThat(LocalController.nextWakeUp(decisions, Optional.empty())).contains(T.plusSeconds(10));
        assertThat(LocalController.nextWakeUp(decisions, Optional.of(T.plusSeconds(5)))).contains(T.plusSeconds(5));
        assertThat(LocalController.nextWakeUp(List.of(new Decision.Start()), Optional.empty())).isEmpty();
    }

    private static RunState.Failed failed(int attempt) {
        return new RunState.Failed(attempt, T, T, "Error", "exit code 75");
    }
}
