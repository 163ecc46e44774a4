package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.RunState;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.operator.job.JobSettings;
import dev.tracks.analysis.operator.job.WorkerJobs;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Benchmark (an entry point, not a test): N AnalysisTasks applied at once to the real API server with the packaged
 * operator running, against N Jobs created directly through the client in the same run. Every figure is printed as a
 * ratio to that baseline, with the API server's write requests per item and the CPU each process used, so that the
 * remaining time can be placed. Phases, each in a namespace of its own that is deleted (and gone) before the next:
 * <ol>
 * <li>baseline: N Jobs of the operator's own shape, created directly (again before the floor and the operator);
 * </li>
 * <li>what the CRD costs on create: N tasks alone (no operator) with the CRD as it is, without its root rule and
 * without any CEL rule (copies under bench groups), twice in turn;</li>
 * <li>write costs: N task creates, N status applies, N status merge patches and N Events, each alone;</li>
 * <li>floor: N tasks, and each one's Job created as soon as it exists by as many threads as the operator has, all
 * from the benchmark (no operator process): an operator that writes nothing but the Jobs;</li>
 * <li>operator: N tasks with the operator running, until every Job exists and until every task Succeeded.</li>
 * </ol>
 * Run: see docs/benchmarks.md.
 */
public final class OperatorBenchmark {

    private static final int CLIENT_THREADS = 8;
    /** The operator's reconcile threads (quarkus.operator-sdk.concurrent-reconciliation-threads). */
    private static final int RECONCILE_THREADS = 10;
    private static final Path CRD = Path.of("../k8s/crd/analysistasks.analysis.tracks.dev-v1.yml");
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(30);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final PatchContext MERGE_PATCH = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
            .withFieldManager(WorkerJobs.MANAGED_BY).build();

    private OperatorBenchmark() {
    }

    /** What one phase took: its seconds, the API server's writes and the CPU per process in that time. */
    private record Measurement(double seconds, ApiServerWrites writes, ProcessCpu cpu) {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Set<String> skipped = args.length > 1 ? Set.of(args[1].split(",")) : Set.of();
        ControlPlane controlPlane = ControlPlane.withWorkloads();
        KubernetesClient client = controlPlane.client();
        succeeded(controlPlane.kubectl("apply", "--server-side", "-f", CRD.toString()));
        succeeded(controlPlane.kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/analysistasks.analysis.tracks.dev"));

        Measurement direct = createJobsDirectly(controlPlane, count);
        report("baseline: %d Jobs created directly in %.2f s", count, direct.seconds());
        details(direct, count, "Job");

        if (!skipped.contains("crd")) {
            crdCost(controlPlane, count, direct.seconds());
        }
        writeCosts(controlPlane, count, direct.seconds());

        // The first baseline is cold (the client's JIT and connections, the API server) and a shared machine's load
        // drifts within a run: the floor and the operator are compared with a baseline measured right before them.
        Measurement again = createJobsDirectly(controlPlane, count);
        report("baseline again: %d Jobs created directly in %.2f s (the first took %.2f s); the ratios below are to"
                + " this one", count, again.seconds(), direct.seconds());
        details(again, count, "Job");

        Measurement floor = createTasksAndJobs(controlPlane, count);
        report("floor (an operator that writes only the Jobs): every Job of %d tasks existed after %.2f s (%.2fx)",
                count, floor.seconds(), floor.seconds() / again.seconds());
        details(floor, count, "task");

        operator(controlPlane, count, again.seconds(), !skipped.contains("succeeded"));
        System.exit(0);
    }

    /**
     * Creates {@code count} Jobs of the operator's own shape, running the same trivial command (so the node agent
     * has the same work as in the operator's run).
     */
    private static Measurement createJobsDirectly(ControlPlane controlPlane, int count) throws InterruptedException {
        KubernetesClient client = controlPlane.client();
        String namespace = namespace(client, "bench-direct");
        List<Job> jobs = IntStream.range(0, count).mapToObj(i -> {
            AnalysisTask task = TestTasks.task(namespace, "task-" + i, Skill.GRID_SYSTEM);
            task.getMetadata().setUid(UUID.randomUUID().toString());
            task.getMetadata().setGeneration(1L);
            return new JobBuilder(WorkerJobs.build(task, jobSettings(), 1, Optional.empty()))
                    .editMetadata().withOwnerReferences(List.of()).endMetadata().build();
        }).toList();
        Measurement measurement = measure(controlPlane, () -> parallel(count,
                i -> client.batch().v1().jobs().inNamespace(namespace).resource(jobs.get(i)).create()));
        deleteNamespace(client, namespace);
        return measurement;
    }

    /**
     * N tasks alone, with no operator, in copies of the CRD under bench groups: as it is; without its root rule (a
     * task cannot depend on itself: with no scope, the only rule a create evaluates, the others compare with the
     * old object); and without any CEL rule. All created as plain objects from the same body, twice in turn (the
     * first round also warms the API server and the client up).
     */
    private static void crdCost(ControlPlane controlPlane, int count, double directSeconds) throws Exception {
        CustomResourceDefinition crd;
        try (InputStream yaml = Files.newInputStream(CRD)) {
            crd = JSON.unmarshal(yaml, CustomResourceDefinition.class);
        }
        String asItIs = install(controlPlane, copy(crd, "cel.bench.tracks.dev"));
        CustomResourceDefinition noRootRule = copy(crd, "noroot.bench.tracks.dev");
        schema(noRootRule).setXKubernetesValidations(null);
        String withoutRoot = install(controlPlane, noRootRule);
        CustomResourceDefinition noRules = copy(crd, "nocel.bench.tracks.dev");
        int rules = removeCelRules(schema(noRules));
        String withoutRules = install(controlPlane, noRules);
        for (int round = 1; round <= 2; round++) {
            double cel = createTasksAlone(controlPlane, asItIs, count);
            double noRoot = createTasksAlone(controlPlane, withoutRoot, count);
            double noCel = createTasksAlone(controlPlane, withoutRules, count);
            report("CRD cost, round %d: %d tasks alone (no operator): CRD as it is %.2f s (%.2fx the Jobs); without"
                    + " the root rule %.2f s (%.2fx); without its %d CEL rules %.2f s (%.2fx); the rules cost %+.0f%%",
                    round, count, cel, cel / directSeconds, noRoot, noRoot / directSeconds, rules, noCel,
                    noCel / directSeconds, (cel / noCel - 1) * 100);
        }
    }

    private static JSONSchemaProps schema(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    }

    private static double createTasksAlone(ControlPlane controlPlane, String group, int count)
            throws InterruptedException {
        KubernetesClient client = controlPlane.client();
        String namespace = namespace(client, "bench-tasks");
        String apiVersion = group + "/" + AnalysisTask.VERSION;
        Measurement measurement = measure(controlPlane, () -> parallel(count, i -> {
            GenericKubernetesResource task = new GenericKubernetesResourceBuilder().withApiVersion(apiVersion)
                    .withKind("AnalysisTask").withNewMetadata().withName("task-" + i).endMetadata()
                    .addToAdditionalProperties("spec", JSON.convertValue(
                            TestTasks.task(namespace, "task-" + i, Skill.GRID_SYSTEM).getSpec(), Map.class))
                    .build();
            client.genericKubernetesResources(apiVersion, "AnalysisTask").inNamespace(namespace).resource(task)
                    .create();
        }));
        details(measurement, count, "task");
        deleteNamespace(client, namespace);
        return measurement.seconds();
    }

    /**
     * What each write of the operator's costs alone, from the benchmark's client threads with no operator running: N
     * task creates, then on those tasks N status applies as the operator sends them (its field manager, its body)
     * and N Events as it records them.
     */
    private static void writeCosts(ControlPlane controlPlane, int count, double directSeconds)
            throws InterruptedException {
        KubernetesClient client = controlPlane.client();
        String namespace = namespace(client, "bench-writes");
        List<AnalysisTask> tasks = IntStream.range(0, count)
                .mapToObj(i -> TestTasks.task(namespace, "task-" + i, Skill.GRID_SYSTEM)).toList();
        List<AnalysisTask> created = new CopyOnWriteArrayList<>();
        Measurement creates = measure(controlPlane, () -> parallel(count,
                i -> created.add(client.resource(tasks.get(i)).create())));
        // A second set of tasks for the merge patches, so that both kinds of status write make the same change.
        List<AnalysisTask> merged = new CopyOnWriteArrayList<>();
        parallel(count, i -> merged.add(client.resource(TestTasks.task(namespace, "merged-" + i, Skill.GRID_SYSTEM))
                .create()));
        RunState.Active run = new RunState.Active(1, Instant.now());
        Measurement applies = measure(controlPlane, () -> parallel(count, i -> {
            AnalysisTask task = created.get(i);
            AnalysisTaskStatus running = StatusReport.next(null, new Decision.Start(), run, 1, 1L, "job-" + i,
                    Instant.now());
            client.resources(AnalysisTask.class).inNamespace(namespace).withName(task.getMetadata().getName())
                    .subresource("status").patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
                            .withFieldManager(WorkerJobs.MANAGED_BY).withForce(true).build(),
                            JSON.asJson(AnalysisTaskReconciler.statusPatch(task, running)));
        }));
        Measurement merges = measure(controlPlane, () -> parallel(count, i -> {
            AnalysisTask task = merged.get(i);
            AnalysisTaskStatus running = StatusReport.next(null, new Decision.Start(), run, 1, 1L, "job-" + i,
                    Instant.now());
            client.resources(AnalysisTask.class).inNamespace(namespace).withName(task.getMetadata().getName())
                    .subresource("status").patch(MERGE_PATCH, JSON.asJson(Map.of("status", running)));
        }));
        Measurement events = measure(controlPlane, () -> parallel(count, i -> {
            AnalysisTask task = created.get(i);
            TaskEvents.record(client, task, new Decision.Start(), StatusReport.next(null, new Decision.Start(), run,
                    1, 1L, "job-" + i, Instant.now()));
        }));
        report("write costs, each alone (%d client threads, no operator): %d task creates %.2f s (%.2fx the Jobs),"
                + " status applies %.2f s (%.2fx), status merge patches %.2f s (%.2fx), Events %.2f s (%.2fx)",
                CLIENT_THREADS, count, creates.seconds(), creates.seconds() / directSeconds, applies.seconds(),
                applies.seconds() / directSeconds, merges.seconds(), merges.seconds() / directSeconds,
                events.seconds(), events.seconds() / directSeconds);
        report("    API server + etcd CPU per write: task create %.2f ms, status apply %.2f ms, status merge patch"
                + " %.2f ms, Event %.2f ms", serverMillis(creates, count), serverMillis(applies, count),
                serverMillis(merges, count), serverMillis(events, count));
        details(applies, count, "task");
        deleteNamespace(client, namespace);
    }

    private static double serverMillis(Measurement measurement, int count) {
        return measurement.cpu().secondsOf("kube-apiserver", "etcd") * 1000 / count;
    }

    /**
     * An operator that costs nothing: the client threads create the tasks as in the operator's phase, and each
     * created task hands its Job to a pool of as many threads as the operator reconciles with. The API work and the
     * concurrency of an operator that writes nothing but the Jobs: what no operator can beat on this machine.
     */
    private static Measurement createTasksAndJobs(ControlPlane controlPlane, int count) throws InterruptedException {
        KubernetesClient client = controlPlane.client();
        String namespace = namespace(client, "bench-floor");
        ExecutorService reconcilers = Executors.newFixedThreadPool(RECONCILE_THREADS);
        List<Future<?>> jobs = new CopyOnWriteArrayList<>();
        Measurement measurement = measure(controlPlane, () -> {
            parallel(count, i -> {
                AnalysisTask task = client.resource(TestTasks.task(namespace, "task-" + i, Skill.GRID_SYSTEM))
                        .create();
                jobs.add(reconcilers.submit(() -> client.batch().v1().jobs().inNamespace(namespace)
                        .resource(WorkerJobs.build(task, jobSettings(), 1, Optional.empty())).create()));
            });
            awaitAll(jobs);
        });
        reconcilers.shutdown();
        deleteNamespace(client, namespace);
        return measurement;
    }

    private static void operator(ControlPlane controlPlane, int count, double directSeconds, boolean waitForSucceeded)
            throws Exception {
        KubernetesClient client = controlPlane.client();
        String namespace = namespace(client, "bench-operator");
        try (OperatorProcess operator = OperatorProcess.start(controlPlane, "benchmark", Map.of(
                "TRACKS_OPERATOR_MAX_RUNNING", String.valueOf(count),
                "TRACKS_OPERATOR_WORKER_COMMAND", "/bin/true"))) {
            Thread.sleep(5000); // let the operator start and sync its informers
            Arrivals<Job> jobs = new Arrivals<>(count, job -> true);
            Arrivals<AnalysisTask> succeeded = new Arrivals<>(count,
                    task -> task.getStatus() != null && task.getStatus().getPhase() == TaskPhase.SUCCEEDED);
            try (Watch jobWatch = client.batch().v1().jobs().inNamespace(namespace).watch(jobs);
                    Watch taskWatch = client.resources(AnalysisTask.class).inNamespace(namespace).watch(succeeded)) {
                ApiServerWrites writesBefore = ApiServerWrites.read(controlPlane);
                ProcessCpu cpuBefore = ProcessCpu.read();
                long start = System.nanoTime();
                parallel(count, i -> client.resource(TestTasks.task(namespace, "task-" + i, Skill.GRID_SYSTEM))
                        .create());
                double appliedSeconds = seconds(start);
                double jobsSeconds = jobs.secondsAfter(start);
                Measurement untilJobs = new Measurement(jobsSeconds,
                        ApiServerWrites.read(controlPlane).since(writesBefore), ProcessCpu.read().since(cpuBefore));
                report("operator: %d tasks created in %.2f s (%.2fx); every Job existed after %.2f s (%.2fx the"
                        + " baseline; target <= 1.5x)", count, appliedSeconds, appliedSeconds / directSeconds,
                        jobsSeconds, jobsSeconds / directSeconds);
                details(untilJobs, count, "task");
                operatorGc(operator);
                if (!waitForSucceeded) {
                    report("operator: peak resident memory %d MiB (target < 300 MB)", operator.peakResidentMiB());
                    return;
                }
                double succeededSeconds = succeeded.secondsAfter(start);
                Measurement untilSucceeded = new Measurement(succeededSeconds,
                        ApiServerWrites.read(controlPlane).since(writesBefore), ProcessCpu.read().since(cpuBefore));
                report("operator: every task Succeeded after %.2f s (node agent running /bin/true)",
                        succeededSeconds);
                details(untilSucceeded, count, "task");
                operatorGc(operator);
                long events = client.v1().events().inNamespace(namespace).list().getItems().stream()
                        .filter(event -> "AnalysisTask".equals(event.getInvolvedObject().getKind()))
                        .count();
                report("operator: %.2f Events per task; peak resident memory %d MiB (target < 300 MB)",
                        (double) events / count, operator.peakResidentMiB());
            }
        }
    }

    private static void operatorGc(OperatorProcess operator) {
        report("    operator GC since its start: %.0f pauses, %.2f s; heap used now %.0f MiB",
                operator.metric("jvm_gc_pause_seconds_count"), operator.metric("jvm_gc_pause_seconds_sum"),
                operator.metric("jvm_memory_used_bytes{area=\"heap\"") / (1 << 20));
    }

    private static Measurement measure(ControlPlane controlPlane, Interruptible phase) throws InterruptedException {
        ApiServerWrites writesBefore = ApiServerWrites.read(controlPlane);
        ProcessCpu cpuBefore = ProcessCpu.read();
        long start = System.nanoTime();
        phase.run();
        double seconds = seconds(start);
        return new Measurement(seconds, ApiServerWrites.read(controlPlane).since(writesBefore),
                ProcessCpu.read().since(cpuBefore));
    }

    private interface Interruptible {
        void run() throws InterruptedException;
    }

    private static void details(Measurement measurement, int count, String item) {
        report("    %s", measurement.writes().per(count, item));
        report("    %s", measurement.cpu().over(measurement.seconds()));
    }

    private static JobSettings jobSettings() {
        return new JobSettings("tracks/worker:bench", "IfNotPresent", List.of("/bin/true"), "default", 600,
                "tracks-db", "url", "user", "password", new ResourceRequirements(), Map.of(), Map.of());
    }

    /** The CRD under another group, so that it can be installed next to the real one. */
    private static CustomResourceDefinition copy(CustomResourceDefinition crd, String group) {
        CustomResourceDefinition copy = JSON.clone(crd);
        copy.getSpec().setGroup(group);
        copy.getMetadata().setName(copy.getSpec().getNames().getPlural() + "." + group);
        copy.getMetadata().setManagedFields(null);
        return copy;
    }

    /** Removes every x-kubernetes-validations list under {@code schema}; returns how many rules it held. */
    private static int removeCelRules(JSONSchemaProps schema) {
        if (schema == null) {
            return 0;
        }
        int removed = Optional.ofNullable(schema.getXKubernetesValidations()).map(List::size).orElse(0);
        schema.setXKubernetesValidations(null);
        if (schema.getProperties() != null) {
            removed += schema.getProperties().values().stream().mapToInt(OperatorBenchmark::removeCelRules).sum();
        }
        if (schema.getItems() != null) {
            removed += removeCelRules(schema.getItems().getSchema());
        }
        if (schema.getAdditionalProperties() != null) {
            removed += removeCelRules(schema.getAdditionalProperties().getSchema());
        }
        return removed;
    }

    private static String install(ControlPlane controlPlane, CustomResourceDefinition crd) {
        controlPlane.client().apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        succeeded(controlPlane.kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/" + crd.getMetadata().getName()));
        return crd.getSpec().getGroup();
    }

    private static String namespace(KubernetesClient client, String prefix) {
        String name = prefix + "-" + Long.toString(System.currentTimeMillis(), 36);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        // The Jobs take database settings from this Secret (the trivial command ignores them).
        client.secrets().inNamespace(name).resource(new SecretBuilder().withNewMetadata().withName("tracks-db")
                .endMetadata().addToStringData(Map.of("url", "jdbc:postgresql://db/x", "user", "u", "password", "p"))
                .build()).create();
        return name;
    }

    /** Deletes the namespace and waits until it is gone, so that its cleanup does not load the next phase. */
    private static void deleteNamespace(KubernetesClient client, String namespace) throws InterruptedException {
        client.namespaces().withName(namespace).delete();
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (client.namespaces().withName(namespace).get() != null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("namespace " + namespace + " still there after " + PHASE_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    private static void parallel(int count, IntConsumer action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<?>> done = IntStream.range(0, count)
                .<Future<?>>mapToObj(i -> pool.submit(() -> action.accept(i))).toList();
        pool.shutdown();
        awaitAll(done);
    }

    private static void awaitAll(List<Future<?>> work) throws InterruptedException {
        for (Future<?> each : work) {
            try {
                each.get(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a create failed", e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("not done after " + PHASE_TIMEOUT, e);
            }
        }
    }

    /** Watches for the moment {@code count} distinct objects have been seen in the state {@code done}. */
    private static final class Arrivals<T extends HasMetadata> implements Watcher<T> {

        private final Predicate<T> done;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final CountDownLatch all = new CountDownLatch(1);
        private final int count;
        private volatile long at;

        Arrivals(int count, Predicate<T> done) {
            this.count = count;
            this.done = done;
        }

        @Override
        public void eventReceived(Action action, T resource) {
            if (action != Action.DELETED && done.test(resource) && seen.add(resource.getMetadata().getName())
                    && seen.size() == count) {
                at = System.nanoTime();
                all.countDown();
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            report("watch closed: %s", cause.getMessage());
        }

        double secondsAfter(long start) throws InterruptedException {
            if (!all.await(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not done after " + PHASE_TIMEOUT + ": " + seen.size() + " of "
                        + count);
            }
            return (at - start) / 1e9;
        }
    }

    private static void succeeded(CommandResult result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.stderr());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
