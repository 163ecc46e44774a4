package dev.tracks.analysis.task;

import dev.tracks.analysis.skill.SkillCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What the operator and the worker agree on: the environment that tells a worker its task, and the worker's exit
 * codes. The operator's pod failure policy fails a Job at once on {@link #EXIT_NOT_RETRYABLE}.
 */
public final class WorkerContract {

    /** The task's namespace and name: the worker reports progress into that resource's status. */
    public static final String ENV_TASK_NAMESPACE = "TRACKS_TASK_NAMESPACE";
    public static final String ENV_TASK_NAME = "TRACKS_TASK_NAME";
    /** metadata.uid of the task, recorded with the watermarks the run advances. */
    public static final String ENV_TASK_UID = "TRACKS_TASK_UID";
    public static final String ENV_SKILL = "TRACKS_SKILL";
    public static final String ENV_MODE = "TRACKS_MODE";
    /** The skill's parameters as a JSON object. */
    public static final String ENV_PARAMS = "TRACKS_PARAMS";
    public static final String ENV_BATCH_SIZE = "TRACKS_BATCH_SIZE";
    /** The scope as a JSON object ({@code userIds}, {@code from}, {@code to}); absent for all points. */
    public static final String ENV_SCOPE = "TRACKS_SCOPE";
    /** Number of shards; each pod of an Indexed Job takes the users of shard JOB_COMPLETION_INDEX. */
    public static final String ENV_SHARD_COUNT = "TRACKS_SHARD_COUNT";
    public static final String ENV_DB_URL = "TRACKS_DB_URL";
    public static final String ENV_DB_USER = "TRACKS_DB_USER";
    public static final String ENV_DB_PASSWORD = "TRACKS_DB_PASSWORD";
    /**
     * Where the worker writes its one-line failure reason; default /dev/termination-log, the container's termination
     * message. Local runs point it at a file of their own.
     */
    public static final String ENV_TERMINATION_LOG = "TRACKS_TERMINATION_LOG";

    /**
     * What the task's earlier attempts analysed (status.progress as the last of them reported it): an incremental
     * retry resumes where they committed, so it counts on from these (see {@link #earlierProgress}).
     */
    public static final String ENV_EARLIER_PROCESSED_POINTS = "TRACKS_EARLIER_PROCESSED_POINTS";
    public static final String ENV_EARLIER_FAILED_POINTS = "TRACKS_EARLIER_FAILED_POINTS";

    /**
     * Set (to any value) on a worker started before its attempts are known (the local mode's standby workers). Such a
     * worker loads what a run needs, then takes attempts in turn: it reads an attempt's environment from stdin as
     * {@code NAME=value} entries, each ended by a NUL byte, and an empty entry after the last; runs the command line
     * as if it had been started with that environment, its output appended to {@link #ENV_ATTEMPT_LOG}; then writes
     * {@link #STANDBY_EXIT} and the exit code as one line to stdout, and waits for the next. The end of stdin ends it.
     */
    public static final String ENV_STANDBY = "TRACKS_STANDBY";
    /** A standby worker's attempt: the file its output is appended to. */
    public static final String ENV_ATTEMPT_LOG = "TRACKS_ATTEMPT_LOG";
    /** How a standby worker's line on stdout starts that says an attempt ended; the exit code follows. */
    public static final String STANDBY_EXIT = "tracks-worker: attempt exited with code ";

    /** An attempt's environment as a standby worker reads it ({@link #ENV_STANDBY}). */
    public static byte[] standbyAttempt(Map<String, String> environment) {
        StringBuilder out = new StringBuilder();
        environment.forEach((name, value) -> out.append(name).append('=').append(value).append('\0'));
        return out.append('\0').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Invalid parameters and every other error that a retry cannot fix (EX_USAGE of sysexits.h). */
    public static final int EXIT_NOT_RETRYABLE = 64;
    /** A transient failure (database or API unreachable...): another attempt follows (EX_TEMPFAIL of sysexits.h). */
    public static final int EXIT_TRANSIENT = 75;

    private WorkerContract() {
    }

    /**
     * The environment that carries the earlier attempts' counts into attempt {@code attempt}, so that a task's
     * progress counts every point it analysed, not only its last attempt's. Empty when the attempt starts afresh or
     * nothing was reported: the first attempt, a FULL_RECOMPUTE (its retry recomputes everything), a loader (its retry
     * reads its files again), and a sharded run (each shard reports its own share).
     *
     * @param reported status.progress as the earlier attempts left it, or null
     */
    public static Map<String, String> earlierProgress(AnalysisTaskSpec spec, int attempt, TaskProgress reported) {
        if (attempt < 2 || reported == null || reported.getProcessedPoints() == null
                || spec.modeOrDefault() != TaskMode.INCREMENTAL || spec.parallelismOrDefault() != 1
                || SkillCatalog.definition(spec.getSkill()).isLoader()) {
            return Map.of();
        }
        return Map.of(ENV_EARLIER_PROCESSED_POINTS, String.valueOf(reported.getProcessedPoints()),
                ENV_EARLIER_FAILED_POINTS, String.valueOf(Objects.requireNonNullElse(reported.getFailedPoints(), 0L)));
    }
}
