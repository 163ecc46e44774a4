package dev.tracks.analysis.api.local;

import dev.tracks.analysis.api.mirror.TaskMirror;
import dev.tracks.analysis.lifecycle.Admission;
import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.RunState;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.lifecycle.TaskLifecycle;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.WorkerContract;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The operator of the local mode: in each round it does for each unfinished task what the operator's reconciler does
 * for a resource, with the same decisions: observe (the task, its dependencies, its attempts), decide
 * ({@link TaskLifecycle}, then {@link Admission} for all ready tasks at once), act (start or stop a worker process),
 * report ({@link StatusReport} into the task and its mirror row, in one transaction). A round runs as soon as an
 * attempt ends or a task is created or cancelled, at the time a retry or a deadline is due, and every
 * {@code tracks.local.tick} as a safety net ({@link Rounds}): a task's dependents start the moment it ends.
 */
@ApplicationScoped
public class LocalController {

    private static final Logger LOG = Logger.getLogger(LocalController.class);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final ApiMode mode;
    private final LocalTaskStore tasks;
    private final LocalRuns runs;
    private final TaskMirror mirror;
    private final LocalSettings settings;
    private final String namespace;
    private final Clock clock = Clock.systemUTC();
    private WorkerProcesses processes;
    private volatile Rounds rounds;

    private final Map<String, String> database;

    LocalController(@ConfigProperty(name = ApiMode.PROPERTY) ApiMode mode, LocalTaskStore tasks, LocalRuns runs,
                    TaskMirror mirror, LocalSettings settings,
                    @ConfigProperty(name = "tracks.api.namespace") String namespace,
                    @ConfigProperty(name = "quarkus.datasource.jdbc.url") String databaseUrl,
                    @ConfigProperty(name = "quarkus.datasource.username") String databaseUser,
                    @ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword) {
        this.mode = mode;
        // The workers use the service's own database, as the chart gives both the same Secret.
        this.database = Map.of(WorkerContract.ENV_DB_URL, databaseUrl, WorkerContract.ENV_DB_USER, databaseUser,
                WorkerContract.ENV_DB_PASSWORD, databasePassword.orElse(""));
        this.tasks = tasks;
        this.runs = runs;
        this.mirror = mirror;
        this.settings = settings;
        this.namespace = namespace;
    }

    void onStart(@Observes StartupEvent event) {
        if (mode != ApiMode.LOCAL) {
            return;
        }
        int interrupted = runs.closeInterrupted("the local mode stopped before this attempt ended");
        if (interrupted > 0) {
            LOG.infof("%d attempt(s) were interrupted by the last stop; they are retried", interrupted);
        }
        processes = new WorkerProcesses(settings.workerCommand(), Path.of(settings.logDir()), database,
                this::requestRound);
        rounds = Rounds.start(this::roundLogged, settings.tick(), clock);
        LOG.infof("local mode: tasks run as worker processes (%s), at most %d at a time; logs in %s",
                String.join(" ", settings.workerCommand()), settings.maxRunning(), settings.logDir());
    }

    /** A task created or cancelled through the API: decided at once, once its change is committed. */
    void onTaskChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) LocalTaskStore.Changed change) {
        if (namespace.equals(change.namespace())) {
            requestRound();
        }
    }

    /**
     * Stops the rounds, then the workers (SIGTERM): their attempts end as interrupted and the next start retries.
     */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (rounds == null) {
            return;
        }
        rounds.stop(settings.stopGrace());
        for (UUID task : processes.runningTasks()) {
            processes.stop(task, "stopped with the local mode; the next start retries it", settings.stopGrace(),
                    clock.instant()).ifPresent(exit -> runs.finished(task, exit.attempt(), exit.at(),
                    exit.exitCode(), "Interrupted", exit.message()));
        }
    }

    private void requestRound() {
        Rounds current = rounds;
        if (current != null) {
            current.request();
        }
    }

    private void roundLogged() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.errorf(e, "local mode: a round of decisions failed; the next one retries");
        }
    }

    /**
     * One round: every unfinished task observed, decided, admitted, acted on and reported; then the next round is
     * planned for the earliest time a decision waits for.
     */
    private void round() {
        Instant now = clock.instant();
        processes.reap(now, settings.stopGrace()).forEach(exit -> runs.finished(exit.task(), exit.attempt(),
                exit.at(), exit.exitCode(), exit.reason(), exit.message()));
        List<AnalysisTask> open = tasks.unfinished(namespace);
        if (open.isEmpty()) {
            return;
        }
        Map<String, TaskPhase> phases = phases(open);
        Map<String, List<String>> graph = open.stream().collect(Collectors.toMap(t -> t.getMetadata().getName(),
                t -> Optional.ofNullable(t.getSpec().getDependsOn()).orElse(List.of())));
        Map<AnalysisTask, List<LocalRuns.Run>> attempts = new LinkedHashMap<>();
        Map<AnalysisTask, Decision> decisions = new LinkedHashMap<>();
        for (AnalysisTask task : open) {
            List<LocalRuns.Run> taskRuns = runs.of(uid(task));
            attempts.put(task, taskRuns);
            Map<String, TaskPhase> dependencies = new HashMap<>();
            Optional.ofNullable(task.getSpec().getDependsOn()).orElse(List.of()).stream()
                    .filter(phases::containsKey).forEach(name -> dependencies.put(name, phases.get(name)));
            decisions.put(task, TaskLifecycle.decide(new TaskLifecycle.Observation(task.getMetadata().getName(),
                    task.getSpec(), phase(task), dependencies, graph, LocalRuns.stateOf(taskRuns), now)));
        }
        admit(decisions, attempts);
        boolean someFinished = false;
        for (Map.Entry<AnalysisTask, Decision> entry : decisions.entrySet()) {
            someFinished |= act(entry.getKey(), entry.getValue(), attempts.get(entry.getKey()), now);
        }
        if (someFinished) {
            // This round decided the tasks that depend on them with the phases it started from.
            rounds.request();
        }
        nextWakeUp(decisions.values(), processes.nextDeadline()).ifPresent(rounds::requestAt);
    }

    /** The earliest time a decision waits for: a retry after its backoff, or a running attempt's deadline. */
    static Optional<Instant> nextWakeUp(Collection<Decision> decisions, Optional<Instant> nextDeadline) {
        return Stream.concat(decisions.stream().filter(Decision.AwaitRetry.class::isInstance)
                        .map(decision -> ((Decision.AwaitRetry) decision).at()), nextDeadline.stream())
                .min(Comparator.naturalOrder());
    }

    private void admit(Map<AnalysisTask, Decision> decisions, Map<AnalysisTask, List<LocalRuns.Run>> attempts) {
        List<Admission.Candidate> candidates = decisions.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Decision.ReadyToRun)
                .map(entry -> entry.getKey())
                .map(task -> new Admission.Candidate(task.getMetadata().getName(), task.getSpec().getSkill(),
                        Optional.ofNullable(task.getSpec().getPriority()).orElse(0),
                        Instant.parse(task.getMetadata().getCreationTimestamp())))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        var running = attempts.entrySet().stream()
                .filter(entry -> LocalRuns.stateOf(entry.getValue()) instanceof RunState.Active)
                .map(entry -> entry.getKey().getSpec().getSkill()).toList();
        Map<String, Admission.Verdict> verdicts = Admission.decide(candidates, running,
                new Admission.Limits(settings.maxRunning(), Map.of()));
        // Only ReadyToRun decisions read their verdict, and each of them has one.
        decisions.replaceAll((task, decision) -> TaskLifecycle.admit(decision,
                verdicts.get(task.getMetadata().getName())));
    }

    /** Acts on the decision and reports it; true if the task has just finished. */
    private boolean act(AnalysisTask task, Decision decision, List<LocalRuns.Run> taskRuns, Instant now) {
        UUID uid = uid(task);
        List<LocalRuns.Run> current = taskRuns;
        if (decision instanceof Decision.Start || decision instanceof Decision.Retry) {
            int attempt = decision instanceof Decision.Retry retry ? retry.attempt() : 1;
            start(task, attempt, LocalRuns.stateOf(taskRuns), now);
            current = runs.of(uid);
        }
        if (decision instanceof Decision.Finish finish && finish.stopRun()) {
            processes.stop(uid, "stopped: the task was " + finish.phase().displayName().toLowerCase(Locale.ROOT),
                    settings.stopGrace(), now).ifPresent(exit -> runs.finished(uid, exit.attempt(), exit.at(),
                    exit.exitCode(), exit.reason(), exit.message()));
        }
        RunState run = LocalRuns.stateOf(current);
        String runName = current.isEmpty() ? null
                : task.getMetadata().getName() + "-" + current.get(current.size() - 1).attempt();
        AnalysisTaskStatus next = StatusReport.next(task.getStatus(), decision, run,
                task.getMetadata().getGeneration(), LocalRuns.startedGeneration(current), runName, now);
        if (task.getStatus() != null && JSON.asJson(task.getStatus()).equals(JSON.asJson(next))) {
            return false;
        }
        boolean phaseChanged = phase(task) != next.getPhase();
        if (phaseChanged) {
            LOG.infof("task %s: %s -> %s (%s)", task.getMetadata().getName(), phase(task), next.getPhase(),
                    next.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> mirror.record(tasks.updateStatus(uid, next)));
        return phaseChanged && next.getPhase() != null && next.getPhase().isFinished();
    }

    /** Starts a worker; a worker that cannot even start is a failed attempt, retried like any other. */
    private void start(AnalysisTask task, int attempt, RunState before, Instant now) {
        UUID uid = uid(task);
        long generation = task.getMetadata().getGeneration();
        try {
            long pid = processes.start(task, attempt,
                    TaskLifecycle.remainingDeadline(task.getSpec(), before.startedAt(), now), now);
            runs.started(uid, attempt, generation, pid, now);
        } catch (IOException e) {
            runs.started(uid, attempt, generation, 0, now);
            runs.finished(uid, attempt, now, null, "Error", "cannot start the worker ("
                    + String.join(" ", settings.workerCommand()) + "): " + e.getMessage());
        }
    }

    /** The phases of the open tasks and of the finished tasks they depend on. */
    private Map<String, TaskPhase> phases(List<AnalysisTask> open) {
        Map<String, TaskPhase> phases = new HashMap<>();
        open.forEach(task -> phases.put(task.getMetadata().getName(), phase(task)));
        Set<String> elsewhere = open.stream()
                .flatMap(task -> Optional.ofNullable(task.getSpec().getDependsOn()).orElse(List.of()).stream())
                .filter(name -> !phases.containsKey(name)).collect(Collectors.toSet());
        if (!elsewhere.isEmpty()) {
            tasks.named(namespace, elsewhere).forEach(task -> phases.put(task.getMetadata().getName(), phase(task)));
        }
        return phases;
    }

    private static TaskPhase phase(AnalysisTask task) {
        return task.getStatus() == null ? null : task.getStatus().getPhase();
    }

    private static UUID uid(AnalysisTask task) {
        return UUID.fromString(task.getMetadata().getUid());
    }
}
