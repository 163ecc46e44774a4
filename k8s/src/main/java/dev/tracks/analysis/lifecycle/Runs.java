package dev.tracks.analysis.lifecycle;

import java.util.List;

/**
 * A task's runs as a runtime observed them: its own record of the attempts, and what the lifecycle reads of them.
 *
 * @param attempts the runtime's record, one element per attempt (a Job, a row of local_task_runs)
 * @param state the lifecycle's view: the latest attempt, with the first one's start
 * @param startedGeneration the task generation the first attempt was started with; null before it
 * @param latestName the name of the latest attempt's run (the Job's name); null before the first
 * @param <A> the runtime's record of one attempt
 */
public record Runs<A>(List<A> attempts, RunState state, Long startedGeneration, String latestName) {

    public Runs {
        attempts = List.copyOf(attempts);
    }
}
