package dev.tracks.analysis.worker.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.TaskScope;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.failure.TerminationLog;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.progress.ConsoleProgress;
import dev.tracks.analysis.worker.progress.EarlierAttempts;
import dev.tracks.analysis.worker.progress.ProgressListener;
import dev.tracks.analysis.worker.progress.TaskRowProgress;
import dev.tracks.analysis.worker.progress.TaskStatusProgress;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.DatabaseOptions;
import dev.tracks.analysis.worker.store.TimeRange;
import dev.tracks.analysis.worker.store.UserScope;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs one skill, as a Job's pod does (everything from the environment the operator sets, see {@link WorkerContract})
 * or from the command line. With a task reference and a reachable Kubernetes API, progress goes into the task's
 * status; otherwise to the console.
 */
@Command(name = "run", description = "Runs one skill over the points in PostgreSQL.")
public final class RunCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--task", description = "The AnalysisTask as namespace/name: reports progress into its status;"
            + " without --skill, the task's spec says what to run.",
            defaultValue = "${env:TRACKS_TASK_NAMESPACE:-}/${env:TRACKS_TASK_NAME:-}")
    String task;

    @Option(names = "--task-uid", defaultValue = "${env:TRACKS_TASK_UID}", description = "The task's metadata.uid.")
    UUID taskUid;

    @Option(names = "--skill", defaultValue = "${env:TRACKS_SKILL}", description = "Skill to run.")
    String skill;

    @Option(names = "--mode", defaultValue = "${env:TRACKS_MODE:-INCREMENTAL}",
            description = "INCREMENTAL or FULL_RECOMPUTE.")
    String mode;

    @Option(names = "--params", defaultValue = "${env:TRACKS_PARAMS:-{}}", description = "Parameters as JSON.")
    String params;

    @Option(names = "--scope", defaultValue = "${env:TRACKS_SCOPE:-{}}",
            description = "Scope as JSON: {\"userIds\": [...], \"from\": RFC 3339, \"to\": RFC 3339}.")
    String scope;

    @Option(names = "--batch-size", defaultValue = "${env:TRACKS_BATCH_SIZE:-10000}", description = "Points per batch.")
    int batchSize;

    @Option(names = "--shard-index", defaultValue = "${env:JOB_COMPLETION_INDEX:-0}",
            description = "This pod's shard (Indexed Jobs set JOB_COMPLETION_INDEX).")
    int shardIndex;

    @Option(names = "--shard-count", defaultValue = "${env:TRACKS_SHARD_COUNT:-1}", description = "Number of shards.")
    int shardCount;

    @Option(names = "--earlier-processed-points", defaultValue = "${env:TRACKS_EARLIER_PROCESSED_POINTS:-0}",
            description = "Points the task's earlier attempts analysed: progress counts on from them (retries).")
    long earlierProcessedPoints;

    @Option(names = "--earlier-failed-points", defaultValue = "${env:TRACKS_EARLIER_FAILED_POINTS:-0}",
            description = "Points the task's earlier attempts could not analyse.")
    long earlierFailedPoints;

    @Mixin
    DatabaseOptions databaseOptions;

    @Option(names = "--dry-run", description = "Only count the points to analyze (CountUnanalyzedPoints).")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TaskReference reference = TaskReference.parse(task);
        try (KubernetesClient client = reference == null ? null : new KubernetesClientBuilder().build()) {
            RunRequest request = request(reference, client);
            Database database = databaseOptions.database();
            ProgressListener listener = new ConsoleProgress(out, request.skill().id());
            SkillRun run = new SkillRun(SkillRegistry.standard(), database);
            if (dryRun) {
                out.printf("%s: %,d points to analyze%n", request.skill().id(), run.count(request));
                return 0;
            }
            if (reference != null) {
                listener = listener.and(new TaskStatusProgress(client, reference.namespace(), reference.name(),
                        run::resultSummary));
            } else if (taskUid != null) {
                listener = listener.and(new TaskRowProgress(database, taskUid, run::resultSummary));
            }
            run.execute(request, new EarlierAttempts(earlierProcessedPoints, earlierFailedPoints).onto(listener));
            return 0;
        } catch (WorkerFailure failure) {
            return fail(failure.getMessage(), failure.exitCode());
        } catch (SQLException e) {
            return fail("database: " + e.getMessage(), WorkerContract.EXIT_TRANSIENT);
        }
    }

    private RunRequest request(TaskReference reference, KubernetesClient client) {
        AnalysisTaskSpec fromTask = null;
        if ((skill == null || skill.isBlank()) && reference != null) {
            AnalysisTask resource = client.resources(AnalysisTask.class).inNamespace(reference.namespace())
                    .withName(reference.name()).get();
            if (resource == null) {
                throw WorkerFailure.notRetryable("task " + task + " does not exist");
            }
            fromTask = resource.getSpec();
        }
        Skill chosen = fromTask != null ? fromTask.getSkill() : parseSkill(skill);
        TaskMode chosenMode = fromTask != null ? fromTask.modeOrDefault() : parseMode(mode);
        Map<String, Object> chosenParams = fromTask != null ? fromTask.paramsOrEmpty() : parseJson("params", params);
        TaskScope chosenScope = fromTask != null && fromTask.getScope() != null ? fromTask.getScope()
                : JSON.convertValue(parseJson("scope", scope), TaskScope.class);
        int chosenBatch = fromTask != null ? fromTask.batchSizeOrDefault() : batchSize;
        // Checked before anything connects: invalid parameters must fail at once, with the non-retryable code.
        SkillParams.resolve(chosen, chosenParams);
        if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
            throw WorkerFailure.notRetryable("shard index " + shardIndex + " must be in [0, " + shardCount + ")");
        }
        return new RunRequest(chosen, chosenMode, chosenParams, new UserScope(
                chosenScope.getUserIds() == null ? List.of() : chosenScope.getUserIds(),
                new TimeRange(instant("scope.from", chosenScope.getFrom()), true,
                        instant("scope.to", chosenScope.getTo()), false),
                shardIndex, shardCount), chosenBatch, taskUid);
    }

    private int fail(String reason, int exitCode) {
        spec.commandLine().getErr().println("tracks-worker: " + reason);
        TerminationLog.write(reason);
        return exitCode;
    }

    private static Skill parseSkill(String value) {
        if (value == null || value.isBlank()) {
            throw WorkerFailure.notRetryable("skill: required (--skill or TRACKS_SKILL)");
        }
        return Skill.fromId(value).orElseThrow(() -> WorkerFailure.notRetryable("skill: unknown skill '" + value
                + "'; known: " + Arrays.stream(Skill.values()).map(Skill::id).toList()));
    }

    private static TaskMode parseMode(String value) {
        try {
            return TaskMode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw WorkerFailure.notRetryable("mode: must be INCREMENTAL or FULL_RECOMPUTE, got '" + value + "'");
        }
    }

    private static Map<String, Object> parseJson(String field, String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw WorkerFailure.notRetryable(field + ": not a JSON object: " + e.getOriginalMessage());
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw WorkerFailure.notRetryable(field + ": not an RFC 3339 time: '" + value + "'");
        }
    }

    /** namespace/name, or null when either part is empty. */
    record TaskReference(String namespace, String name) {
        static TaskReference parse(String value) {
            if (value == null) {
                return null;
            }
            int slash = value.indexOf('/');
            if (slash <= 0 || slash == value.length() - 1) {
                return null;
            }
            return new TaskReference(value.substring(0, slash), value.substring(slash + 1));
        }
    }
}
