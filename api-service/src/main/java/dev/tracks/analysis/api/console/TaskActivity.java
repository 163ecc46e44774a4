package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.local.ApiMode;
import dev.tracks.analysis.api.local.LocalRuns;
import dev.tracks.analysis.api.local.LocalSettings;
import dev.tracks.analysis.api.local.WorkerProcesses;
import dev.tracks.analysis.api.task.TaskResources;
import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AttemptFailure;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a task's page shows of its runs beyond the mirror's row: the resource's conditions; its attempts (in the local
 * mode each one from local_task_runs, in a cluster the count and the last failure the status keeps); the Kubernetes
 * Events of the task and of its Job (in a cluster; the API service's role may list events, nothing more); the last
 * lines of the worker's output (in the local mode, from the attempt's log file; in a cluster the pods' logs are
 * not read, the page says how to get them).
 */
@ApplicationScoped
public class TaskActivity {

    /** Lines of the worker's output shown, and the most bytes read from the end of the log for them. */
    static final int LOG_LINES = 40;
    private static final int LOG_TAIL_BYTES = 64 * 1024;

    public record Attempt(String attempt, String started, String finished, String exitCode, String reason,
                          String message) {
    }

    public record EventLine(String time, String type, String object, String reason, String message, int count) {
    }

    /**
     * The page's part: each list with a note saying where it comes from or why it is empty.
     *
     * @param conditions type, status, reason and message of each condition of the resource
     */
    public record Activity(List<Condition> conditions, List<Attempt> attempts, String attemptsNote,
                           List<EventLine> events, String eventsNote, List<String> log, String logNote) {
    }

    private final ApiMode mode;
    private final TaskResources resources;
    private final Instance<KubernetesClient> kubernetes;
    private final Instance<LocalRuns> localRuns;
    private final Instance<LocalSettings> localSettings;

    TaskActivity(@ConfigProperty(name = ApiMode.PROPERTY) ApiMode mode, TaskResources resources,
                 Instance<KubernetesClient> kubernetes, Instance<LocalRuns> localRuns,
                 Instance<LocalSettings> localSettings) {
        this.mode = mode;
        this.resources = resources;
        this.kubernetes = kubernetes;
        this.localRuns = localRuns;
        this.localSettings = localSettings;
    }

    Activity of(TaskView task) {
        Optional<AnalysisTask> resource = resources.get(task.namespace(), task.name());
        List<Condition> conditions = resource.map(AnalysisTask::getStatus).map(status -> status.getConditions())
                .orElse(null);
        if (resource.isEmpty()) {
            return new Activity(List.of(), List.of(), "the task's resource no longer exists", List.of(),
                    "the task's resource no longer exists", List.of(), "");
        }
        String uid = resource.get().getMetadata().getUid();
        return mode == ApiMode.LOCAL ? local(task, uid, conditions) : cluster(task, resource.get(), conditions);
    }

    private Activity local(TaskView task, String uid, List<Condition> conditions) {
        List<LocalRuns.Run> runs = localRuns.get().of(UUID.fromString(uid));
        List<Attempt> attempts = runs.stream().map(run -> new Attempt(String.valueOf(run.attempt()),
                TaskRow.time(run.startedAt().atOffset(ZoneOffset.UTC)),
                run.finishedAt() == null ? "running" : TaskRow.time(run.finishedAt().atOffset(ZoneOffset.UTC)),
                run.exitCode() == null ? "" : run.exitCode().toString(), orEmpty(run.reason()),
                orEmpty(run.message()))).toList();
        List<String> log = List.of();
        String logNote = "no attempt has started yet";
        if (!runs.isEmpty()) {
            int latest = runs.get(runs.size() - 1).attempt();
            Path file = WorkerProcesses.logFile(Path.of(localSettings.get().logDir()), task.name(), latest);
            log = lastLines(file, LOG_LINES);
            logNote = "the last " + LOG_LINES + " lines at most of attempt " + latest + "'s output, " + file
                    + (log.isEmpty() ? " (empty)" : "");
        }
        return new Activity(orNone(conditions), attempts, "each attempt of the local mode (local_task_runs)",
                List.of(), "the local mode has no Kubernetes Events; the attempts above are its record", log,
                logNote);
    }

    private Activity cluster(TaskView task, AnalysisTask resource, List<Condition> conditions) {
        List<Attempt> attempts = new ArrayList<>();
        AttemptFailure failure = resource.getStatus() == null ? null : resource.getStatus().getLastFailure();
        if (failure != null) {
            attempts.add(new Attempt(String.valueOf(failure.getAttempt()), "", orEmpty(failure.getFinishedAt()), "",
                    orEmpty(failure.getReason()), orEmpty(failure.getMessage())));
        }
        String attemptsNote = (task.attempts() == null ? 0 : task.attempts()) + " attempt(s); the status keeps the"
                + " last failed one" + (failure == null ? ", and none failed" : " (above)");
        List<EventLine> events = new ArrayList<>();
        String eventsNote = "Kubernetes Events of the task and of its Job";
        try {
            events.addAll(events(kubernetes.get().v1().events().inNamespace(task.namespace())
                    .withField("involvedObject.uid", resource.getMetadata().getUid()).list().getItems()));
            if (task.jobName() != null) {
                events.addAll(events(kubernetes.get().v1().events().inNamespace(task.namespace())
                        .withField("involvedObject.name", task.jobName()).withField("involvedObject.kind", "Job")
                        .list().getItems()));
            }
            events.sort(Comparator.comparing(EventLine::time));
        } catch (KubernetesClientException e) {
            eventsNote = "the events could not be read: " + e.getStatus().getMessage();
        }
        String logNote = task.jobName() == null ? "no Job yet"
                : "the worker's output stays with its pods: kubectl logs -n " + task.namespace() + " job/"
                + task.jobName() + " (the console does not read pods' logs)";
        return new Activity(orNone(conditions), attempts, attemptsNote, events, eventsNote, List.of(), logNote);
    }

    private static List<EventLine> events(List<Event> events) {
        return events.stream().map(event -> new EventLine(eventTime(event), orEmpty(event.getType()),
                event.getInvolvedObject().getKind() + " " + event.getInvolvedObject().getName(),
                orEmpty(event.getReason()), orEmpty(event.getMessage()),
                event.getCount() == null ? 1 : event.getCount())).toList();
    }

    private static String eventTime(Event event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        return event.getEventTime() != null ? event.getEventTime().getTime() : orEmpty(event.getFirstTimestamp());
    }

    /** The last {@code count} lines of the file's last {@value #LOG_TAIL_BYTES} bytes; none when it is missing. */
    static List<String> lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, log.length() - LOG_TAIL_BYTES);
            byte[] tail = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(tail);
            if (tail.length == 0) {
                return List.of();
            }
            List<String> lines = Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\r?\n"));
            if (start > 0 && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size());
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of("(the log " + file + " could not be read: " + e.getMessage() + ")");
        }
    }

    private static List<Condition> orNone(List<Condition> conditions) {
        return conditions == null ? List.of() : conditions;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
