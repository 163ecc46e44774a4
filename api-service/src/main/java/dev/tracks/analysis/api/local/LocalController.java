package dev.tracks.analysis.api.local;

import dev.tracks.analysis.api.mirror.TaskMirror;
import dev.tracks.analysis.lifecycle.Admission;
import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.LifecycleStep;
import dev.tracks.analysis.lifecycle.Runs;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.lifecycle.TaskLifecycle;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TaskLabels;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.WorkerContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * ({@link TaskLifecycle}, then {@link Admission} for all ready tasks at once), act and report ({@link LifecycleStep}
 * through the {@link ProcessDriver}, as the operator does through its Jobs; the status goes into the task and its
 * mirror row, in one transaction). A round runs as soon as an
 * attempt ends or a task is created or cancelled, at the time a retry or a deadline is due, and every
 * {@code tracks.local.tick} as a safety net ({@link Rounds}): a task's dependents start the moment it ends.
 */
@ApplicationScoped
public class LocalController {

    private static final Logger LOG = Logger.getLogger(LocalController.class);

    private final ApiMode mode;
    private final LocalTaskStore tasks;
    private final LocalRuns runs;
    private final TaskMirror mirror;
    private final LocalSettings settings;
    private final String namespace;
    private final Clock clock = Clock.systemUTC();
    private ProcessDriver driver;
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
        WorkerProcesses processes = new WorkerProcesses(settings.workerCommand(), Path.of(settings.logDir()),
                database, settings.standbyWorkers(), this::requestRound);
        processes.prepare();
        driver = new ProcessDriver(runs, processes, settings.workerCommand(), settings.stopGrace());
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
        driver.interruptAll("stopped with the local mode; the next start retries it", clock.instant());
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
        driver.recordEnded(now);
        List<AnalysisTask> open = tasks.unfinished(namespace);
        if (open.isEmpty()) {
            return;
        }
        Map<String, TaskPhase> phases = phases(open);
        Map<String, List<String>> graph = open.stream().collect(Collectors.toMap(t -> t.getMetadata().getName(),
                t -> t.getSpec().dependsOnOrEmpty()));
        Map<AnalysisTask, Runs<LocalRuns.Run>> observed = new LinkedHashMap<>();
        Map<AnalysisTask, Decision> decisions = new LinkedHashMap<>();
        for (AnalysisTask task : open) {
            Runs<LocalRuns.Run> runs = driver.observe(task);
            observed.put(task, runs);
            Map<String, TaskPhase> dependencies = new HashMap<>();
            task.getSpec().dependsOnOrEmpty().stream().filter(phases::containsKey)
                    .forEach(name -> dependencies.put(name, phases.get(name)));
            decisions.put(task, TaskLifecycle.decide(new TaskLifecycle.Observation(task.getMetadata().getName(),
                    task.getSpec(), task.phase(), dependencies, graph, runs.state(), now)));
        }
        admit(decisions, observed);
        boolean someFinished = false;
        for (Map.Entry<AnalysisTask, Decision> entry : decisions.entrySet()) {
            someFinished |= actAndReport(entry.getKey(), entry.getValue(), observed.get(entry.getKey()), now);
        }
        if (someFinished) {
            // This round decided the tasks that depend on them with the phases it started from.
            rounds.request();
        }
        nextWakeUp(decisions.values(), driver.nextDeadline()).ifPresent(rounds::requestAt);
    }

    /** The earliest time a decision waits for: a retry after its backoff, or a running attempt's deadline. */
    static Optional<Instant> nextWakeUp(Collection<Decision> decisions, Optional<Instant> nextDeadline) {
        return Stream.concat(decisions.stream().filter(Decision.AwaitRetry.class::isInstance)
                        .map(decision -> ((Decision.AwaitRetry) decision).at()), nextDeadline.stream())
                .min(Comparator.naturalOrder());
    }

    private void admit(Map<AnalysisTask, Decision> decisions, Map<AnalysisTask, Runs<LocalRuns.Run>> observed) {
        List<Admission.Candidate> candidates = decisions.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Decision.ReadyToRun)
                .map(entry -> entry.getKey())
                .map(task -> new Admission.Candidate(task.getMetadata().getName(), task.getSpec().getSkill(),
                        task.getSpec().priorityOrDefault(), Instant.parse(task.getMetadata().getCreationTimestamp()),
                        TaskLabels.chainDepth(task.getMetadata().getAnnotations())))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        // A task between attempts keeps its slot, as in a cluster: its retry never queues.
        var running = decisions.entrySet().stream()
                .filter(entry -> entry.getValue().phase().holdsSlot())
                .map(entry -> entry.getKey().getSpec().getSkill()).toList();
        Map<String, Admission.Verdict> verdicts = Admission.decide(candidates, running,
                new Admission.Limits(settings.maxRunning(), Map.of()));
        // Only ReadyToRun decisions read their verdict, and each of them has one.
        decisions.replaceAll((task, decision) -> TaskLifecycle.admit(decision,
                verdicts.get(task.getMetadata().getName())));
    }

    /**
     * Acts on the decision and reports it ({@link LifecycleStep}, as the operator does), the task and its mirror row
     * in one transaction; true if the task has just finished.
     */
    private boolean actAndReport(AnalysisTask task, Decision decision, Runs<LocalRuns.Run> runs, Instant now) {
        LifecycleStep.Outcome<LocalRuns.Run> outcome = LifecycleStep.act(task, decision, runs, driver, now);
        if (!outcome.changed()) {
            return false;
        }
        if (outcome.phaseChanged()) {
            LOG.infof("task %s: %s -> %s (%s)", task.getMetadata().getName(), outcome.previousPhase(),
                    outcome.status().getPhase(), outcome.status().getMessage());
        }
        StatusReport.newFailure(task.getStatus(), outcome.status()).ifPresent(failure ->
                LOG.warnf("task %s: %s", task.getMetadata().getName(), failure.describe()));
        UUID uid = UUID.fromString(task.getMetadata().getUid());
        QuarkusTransaction.requiringNew().run(() -> mirror.record(tasks.updateStatus(uid, outcome.status())));
        return outcome.finishedNow();
    }

    /** The phases of the open tasks and of the finished tasks they depend on. */
    private Map<String, TaskPhase> phases(List<AnalysisTask> open) {
        Map<String, TaskPhase> phases = new HashMap<>();
        open.forEach(task -> phases.put(task.getMetadata().getName(), task.phase()));
        Set<String> elsewhere = open.stream().flatMap(task -> task.getSpec().dependsOnOrEmpty().stream())
                .filter(name -> !phases.containsKey(name)).collect(Collectors.toSet());
        if (!elsewhere.isEmpty()) {
            tasks.named(namespace, elsewhere).forEach(task -> phases.put(task.getMetadata().getName(), task.phase()));
        }
        return phases;
    }
}
