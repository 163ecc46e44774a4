package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.TaskPhase;
import java.time.Instant;

/** What to do with a task next, and the phase it is then in. Produced by {@link TaskLifecycle}. */
public sealed interface Decision {

    TaskPhase phase();

    /** Dependencies have not all succeeded; {@code reason} is WaitingForDependencies or DependencyMissing. */
    record Wait(String reason, String message) implements Decision {
        public TaskPhase phase() {
            return TaskPhase.WAITING;
        }
    }

    /** Everything is in place; whether it starts now is up to {@link TaskLifecycle#admit}. */
    record ReadyToRun() implements Decision {
        public TaskPhase phase() {
            return TaskPhase.QUEUED;
        }
    }

    /** Ready, but no slot is free: {@code position} 1 starts next. */
    record Queue(int position) implements Decision {
        public TaskPhase phase() {
            return TaskPhase.QUEUED;
        }
    }

    /** Create the run (the Job). */
    record Start() implements Decision {
        public TaskPhase phase() {
            return TaskPhase.RUNNING;
        }
    }

    /** Attempt {@code failed.attempts()} failed and the next one is due: create its run. */
    record Retry(RunState.Failed failed) implements Decision {
        public TaskPhase phase() {
            return TaskPhase.RUNNING;
        }

        /** The attempt the retry starts, from 2. */
        public int attempt() {
            return failed.attempts() + 1;
        }
    }

    /** Attempt {@code failed.attempts()} failed; the next one starts at {@code at} (the backoff). */
    record AwaitRetry(Instant at, RunState.Failed failed) implements Decision {
        public TaskPhase phase() {
            return TaskPhase.RETRYING;
        }

        /** The attempt that starts at {@code at}, from 2. */
        public int attempt() {
            return failed.attempts() + 1;
        }
    }

    /** The run is going on; report it. */
    record Track(RunState.Active run) implements Decision {
        public TaskPhase phase() {
            return TaskPhase.RUNNING;
        }
    }

    /** The task ends in {@code phase}; {@code stopRun} asks to delete a run that is still going. */
    record Finish(TaskPhase phase, String reason, String message, boolean stopRun) implements Decision {
    }

    /** The task has finished before: nothing changes any more. */
    record Keep(TaskPhase phase) implements Decision {
    }
}
