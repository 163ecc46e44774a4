package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.operator.job.JobSettings;
import dev.tracks.analysis.operator.job.WorkerJobs;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Benchmark (an entry point, not a test): N AnalysisTasks applied at once to the real API server with the packaged
 * operator running. Measures the time until every Job exists, compared in the same run with creating the same N Jobs
 * directly through the client; the time until every task Succeeded with the node agent running a trivial command;
 * and the operator's peak resident memory. Run: see docs/benchmarks.md.
 */
public final class OperatorBenchmark {

    private static final int CLIENT_THREADS = 8;

    private OperatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ControlPlane controlPlane = ControlPlane.withWorkloads();
        KubernetesClient client = controlPlane.client();
        controlPlane.kubectl("apply", "--server-side", "-f", "../k8s/crd/analysistasks.analysis.tracks.dev-v1.yml");
        controlPlane.kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/analysistasks.analysis.tracks.dev");

        double directSeconds = createJobsDirectly(client, count);
        report("direct: %d Jobs created through the client in %.2f s", count, directSeconds);

        String namespace = namespace(client, "bench-operator");
        try (OperatorProcess operator = OperatorProcess.start(controlPlane, "benchmark", Map.of(
                "TRACKS_OPERATOR_MAX_RUNNING", String.valueOf(count),
                "TRACKS_OPERATOR_WORKER_COMMAND", "/bin/true"))) {
            Thread.sleep(5000); // let the operator start and sync its informers
            long start = System.nanoTime();
            parallel(count, i -> client.resource(TestTasks.task(namespace, "task-" + i, Skill.GRID_SYSTEM)).create());
            double appliedSeconds = seconds(start);
            double jobsSeconds = await(start, () -> client.batch().v1().jobs().inNamespace(namespace).list()
                    .getItems().size(), count);
            report("operator: %d tasks applied in %.2f s; every Job existed after %.2f s (%.2fx the direct creation)",
                    count, appliedSeconds, jobsSeconds, jobsSeconds / directSeconds);
            double succeededSeconds = await(start, () -> client.resources(AnalysisTask.class).inNamespace(namespace)
                    .list().getItems().stream().filter(t -> t.getStatus() != null
                            && t.getStatus().getPhase() == TaskPhase.SUCCEEDED).count(), count);
            report("operator: every task Succeeded after %.2f s (node agent running /bin/true)", succeededSeconds);
            report("operator: peak resident memory %d MiB", operator.peakResidentMiB());
        }
        System.exit(0);
    }

    /**
     * Creates {@code count} Jobs of the operator's own shape, running the same trivial command (so the node agent
     * has the same work as in the operator's run), and returns the seconds until all existed.
     */
    private static double createJobsDirectly(KubernetesClient client, int count) throws InterruptedException {
        String namespace = namespace(client, "bench-direct");
        JobSettings settings = new JobSettings("tracks/worker:bench", "IfNotPresent", List.of("/bin/true"),
                "default", 600, "tracks-db", "url", "user", "password", new ResourceRequirements(), Map.of(),
                Map.of());
        List<Job> jobs = IntStream.range(0, count).mapToObj(i -> {
            AnalysisTask task = TestTasks.task(namespace, "task-" + i, Skill.GRID_SYSTEM);
            task.getMetadata().setUid(UUID.randomUUID().toString());
            task.getMetadata().setGeneration(1L);
            return new JobBuilder(WorkerJobs.build(task, settings, 1, Optional.empty()))
                    .editMetadata().withOwnerReferences(List.of()).endMetadata().build();
        }).toList();
        long start = System.nanoTime();
        parallel(count, i -> client.batch().v1().jobs().inNamespace(namespace).resource(jobs.get(i)).create());
        double seconds = seconds(start);
        await(start, () -> client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
                .filter(job -> job.getStatus() != null && Integer.valueOf(1).equals(job.getStatus().getSucceeded()))
                .count(), count);
        client.namespaces().withName(namespace).delete();
        return seconds;
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

    private static void parallel(int count, java.util.function.IntConsumer action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        IntStream.range(0, count).forEach(i -> pool.submit(() -> action.accept(i)));
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("creating " + count + " objects took over 10 minutes");
        }
    }

    private static double await(long start, LongSupplier done, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (done.getAsLong() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done after 30 minutes: " + done.getAsLong() + " of " + count);
            }
            Thread.sleep(250);
        }
        return seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
