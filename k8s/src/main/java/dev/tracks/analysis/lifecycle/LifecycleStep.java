package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import java.time.Instant;
import java.util.Locale;

/**
 * The act-and-report half of a reconcile, the same for both runtimes: after {@link TaskLifecycle} (and
 * {@link Admission}) decided, start the attempt a decision asks for or stop the run a finish asks to stop, through the
 * runtime's {@link RunDriver}, then make the status that reports it ({@link StatusReport}). Writing the status is left
 * to the runtime (a status patch, a database row).
 */
public final class LifecycleStep {

    private LifecycleStep() {
    }

    /**
     * What the step did.
     *
     * @param runs the task's runs after the step (with the attempt it started)
     * @param status the status that reports the decision
     * @param previousPhase the phase before the step (null before the first decision)
     * @param changed whether {@code status} differs from the task's status in a field the lifecycle owns
     */
    public record Outcome<A>(Runs<A> runs, AnalysisTaskStatus status, TaskPhase previousPhase, boolean changed) {

        public boolean phaseChanged() {
            return previousPhase != status.getPhase();
        }

        /** The task has just entered a phase it never leaves: the tasks waiting for it can move. */
        public boolean finishedNow() {
            return phaseChanged() && status.getPhase() != null && status.getPhase().isFinished();
        }
    }

    /**
     * @param observed the task's runs as observed for the decision
     */
    public static <A> Outcome<A> act(AnalysisTask task, Decision decision, Runs<A> observed, RunDriver<A> driver,
            Instant now) {
        Runs<A> runs = observed;
        if (decision instanceof Decision.Start || decision instanceof Decision.Retry) {
            int attempt = decision instanceof Decision.Retry retry ? retry.attempt() : 1;
            runs = driver.start(task, attempt,
                    TaskLifecycle.remainingDeadline(task.getSpec(), observed.state().startedAt(), now), observed, now);
        }
        if (decision instanceof Decision.Finish finish && finish.stopRun()) {
            driver.stop(task, observed, "stopped: the task was " + finish.phase().displayName()
                    .toLowerCase(Locale.ROOT), now);
        }
        AnalysisTaskStatus next = StatusReport.next(task.getStatus(), decision, runs.state(),
                task.getMetadata().getGeneration(), runs.startedGeneration(), runs.latestName(), now);
        return new Outcome<>(runs, next, task.phase(), StatusReport.changes(task.getStatus(), next));
    }
}
