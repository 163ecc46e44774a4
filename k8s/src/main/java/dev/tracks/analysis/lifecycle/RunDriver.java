package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.AnalysisTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a runtime runs the attempts of a task: as Jobs in a cluster (the operator), as worker processes on one machine
 * (the local mode). {@link LifecycleStep} acts on a {@link Decision} through it, so that both runtimes start, stop and
 * report in the same way.
 *
 * @param <A> the runtime's record of one attempt
 */
public interface RunDriver<A> {

    /** The task's runs as they are now. */
    Runs<A> observe(AnalysisTask task);

    /**
     * Starts attempt {@code attempt} (from 1) and returns the runs with it. An attempt that cannot even start may be
     * recorded as a failed attempt (retried like any other) or thrown (the whole step is then retried).
     *
     * @param deadline what is left of the task's deadline, if it has one
     */
    Runs<A> start(AnalysisTask task, int attempt, Optional<Duration> deadline, Runs<A> before, Instant now);

    /** Stops the latest attempt, which is still going; {@code why} says so to whoever reads the run's end. */
    void stop(AnalysisTask task, Runs<A> runs, String why, Instant now);
}
