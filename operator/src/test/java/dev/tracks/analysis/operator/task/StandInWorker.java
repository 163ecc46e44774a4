package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.task.WorkerContract;

/**
 * Stands in for the worker in the operator's integration tests (the real worker arrives with its own issue): the task
 * name says what to do. {@code fail-*} exits with the transient code, {@code invalid-*} with the not-retryable
 * code, {@code sleep-*} sleeps ten minutes, {@code slow-*} succeeds after five seconds, anything else succeeds after
 * half a second.
 */
public final class StandInWorker {

    private StandInWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        String task = System.getenv(WorkerContract.ENV_TASK_NAME);
        System.out.println("stand-in worker for " + task + " (" + System.getenv(WorkerContract.ENV_SKILL) + ")");
        if (task.startsWith("fail")) {
            System.out.println("database unreachable");
            System.exit(WorkerContract.EXIT_TRANSIENT);
        } else if (task.startsWith("invalid")) {
            System.out.println("spec.params.k: must be at least 1");
            System.exit(WorkerContract.EXIT_NOT_RETRYABLE);
        } else if (task.startsWith("sleep")) {
            Thread.sleep(600_000);
        } else if (task.startsWith("slow")) {
            Thread.sleep(5_000);
        } else {
            Thread.sleep(500);
        }
    }
}
