package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared act-and-report step, through a driver that keeps its attempts in a list. The Job driver and the process
 * driver are tested with the runtimes they drive (the operator's tests on the real control plane, LocalModeTest).
 */
class LifecycleStepTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-28T10:05:00Z");

    /** One attempt: its number, when it started, whether it still runs. */
    private record Attempt(int number, Instant startedAt, boolean running) {
    }

    /** Attempts in a list, and what was asked of it. */
    private static final class ListDriver implements RunDriver<Attempt> {
        final List<Attempt> attempts = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Runs<Attempt> observe(AnalysisTask task) {
            if (attempts.isEmpty()) {
                return new Runs<>(List.of(), new RunState.NotStarted(), null, null);
            }
            Attempt latest = attempts.get(attempts.size() - 1);
            Instant first = attempts.get(0).startedAt();
            RunState state = latest.running() ? new RunState.Active(latest.number(), first)
                    : new RunState.Failed(latest.number(), first, first, "Error", "exit code 1");
            return new Runs<>(attempts, state, 1L, "run-" + latest.number());
        }

        @Override
        public Runs<Attempt> start(AnalysisTask task, int attempt, Optional<Duration> deadline,
                Runs<Attempt> before, Instant now) {
            calls.add("start " + attempt + " " + deadline.map(Duration::toSeconds).orElse(-1L));
            attempts.add(new Attempt(attempt, now, true));
            return observe(task);
        }

        @Override
        public void stop(AnalysisTask task, Runs<Attempt> runs, String why, Instant now) {
            calls.add("stop " + runs.latestName() + ": " + why);
        }
    }

    @Test
    void aStartRunsTheFirstAttemptAndReportsIt() {
        AnalysisTask task = task();
        ListDriver driver = new ListDriver();

        LifecycleStep.Outcome<Attempt> outcome = LifecycleStep.act(task, new Decision.Start(), driver.observe(task),
                driver, T0);

        assertThat(driver.calls).containsExactly("start 1 -1");
        assertThat(outcome.runs().state()).isEqualTo(new RunState.Active(1, T0));
        assertThat(outcome.status().getPhase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(outcome.status().getJobName()).isEqualTo("run-1");
        assertThat(outcome.status().getAttempts()).isEqualTo(1);
        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.phaseChanged()).isTrue();
        assertThat(outcome.finishedNow()).isFalse();
    }

    @Test
    void aRetryGetsWhatIsLeftOfTheDeadline() {
        AnalysisTask task = task();
        task.getSpec().setDeadlineSeconds(600);
        ListDriver driver = new ListDriver();
        driver.attempts.add(new Attempt(1, T0, false));

        LifecycleStep.act(task, new Decision.Retry((RunState.Failed) driver.observe(task).state()),
                driver.observe(task), driver, T1);

        assertThat(driver.calls).containsExactly("start 2 300");
    }

    @Test
    void aCancelStopsTheRunningAttemptAndFinishesTheTask() {
        AnalysisTask task = task();
        ListDriver driver = new ListDriver();
        driver.attempts.add(new Attempt(1, T0, true));
        task.setStatus(LifecycleStep.act(task, new Decision.Track(new RunState.Active(1, T0)), driver.observe(task),
                driver, T0).status());

        LifecycleStep.Outcome<Attempt> outcome = LifecycleStep.act(task, new Decision.Finish(TaskPhase.CANCELLED,
                "Cancelled", "cancelled while running; the run is stopped", true), driver.observe(task), driver, T1);

        assertThat(driver.calls).containsExactly("stop run-1: stopped: the task was cancelled");
        assertThat(outcome.status().getPhase()).isEqualTo(TaskPhase.CANCELLED);
        assertThat(outcome.status().getCompletionTime()).isEqualTo(T1.toString());
        assertThat(outcome.finishedNow()).isTrue();
    }

    @Test
    void nothingToDoAndNothingNewIsNoChange() {
        AnalysisTask task = task();
        ListDriver driver = new ListDriver();
        driver.attempts.add(new Attempt(1, T0, true));
        Decision track = new Decision.Track(new RunState.Active(1, T0));
        AnalysisTaskStatus running = LifecycleStep.act(task, track, driver.observe(task), driver, T0).status();
        task.setStatus(running);

        LifecycleStep.Outcome<Attempt> again = LifecycleStep.act(task, track, driver.observe(task), driver, T1);

        assertThat(driver.calls).isEmpty();
        assertThat(again.changed()).isFalse();
        assertThat(again.phaseChanged()).isFalse();
    }

    private static AnalysisTask task() {
        AnalysisTask task = TestTasks.task("ns", "stays", Skill.STAY_DETECTION);
        task.getMetadata().setGeneration(1L);
        return task;
    }
}
