package dev.tracks.analysis.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.ClosedPort;
import dev.tracks.analysis.api.mirror.TaskMirror;
import dev.tracks.analysis.api.mirror.TestMirror;
import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.problem.Problem;
import dev.tracks.analysis.api.problem.ProblemMappers;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TestTasks;
import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 503 when Kubernetes or PostgreSQL cannot be reached. Real: the fabric8 client (with the service's own
 * configuration, retries included) and the PostgreSQL driver in an Agroal pool, connecting to a port where nothing
 * listens; the service's TaskService, TaskMirror and PendingPoints; the API server and database that stay up; the
 * mappers that answer. Not real: the outage is a refused connection, not a server that dies mid-request (the shared
 * API server and database cannot be stopped under the other tests), and the exceptions reach the mappers by a direct
 * call instead of through an HTTP request.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class UnavailableDependenciesTest {

    private static final String NS = ApiTestEnvironment.NAMESPACE;

    @Inject
    KubernetesClient client;

    @Inject
    TaskMirror mirror;

    @Inject
    PendingPoints pendingPoints;

    @Test
    void anUnreachableKubernetesApiIs503AndCreatesNothing() {
        String name = "unreachable-" + UUID.randomUUID().toString().substring(0, 8);
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
                client.getConfiguration()).withMasterUrl("https://127.0.0.1:" + ClosedPort.port()).build()).build()) {
            TaskService service = new TaskService(new KubernetesTaskResources(unreachable), mirror, pendingPoints,
                    NS);
            long start = System.nanoTime();

            Throwable failure = catchThrowable(() -> service.createAll(List.of(task(name)), "token:ci"));

            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(failure).isInstanceOf(KubernetesClientException.class);
            assertUnavailable(new ProblemMappers().kubernetes((KubernetesClientException) failure),
                    "the Kubernetes API cannot be reached");
            assertThat(waited).as("the caller is answered soon").isLessThan(Duration.ofSeconds(5));
        }
        assertThat(client.resources(AnalysisTask.class).inNamespace(NS).withName(name).get()).isNull();
    }

    @Test
    void anUnreachableDatabaseAfterTheResourceWasCreatedIs503AndCancelsIt() {
        String name = "cut-off-" + UUID.randomUUID().toString().substring(0, 8);
        try (AgroalDataSource database = ClosedPort.database()) {
            TaskService service = new TaskService(new KubernetesTaskResources(client),
                    TestMirror.writingTo(client, database, NS), pendingPoints, NS);

            Throwable failure = catchThrowable(() -> service.createAll(List.of(task(name)), "token:ci"));

            assertThat(failure).isInstanceOf(QuarkusTransactionException.class);
            assertUnavailable(new ProblemMappers().transaction((QuarkusTransactionException) failure),
                    "the database cannot be reached");
        }
        AnalysisTask created = client.resources(AnalysisTask.class).inNamespace(NS).withName(name).get();
        assertThat(created.getSpec().getCancel()).as("cancelled at once, so that it never runs").isTrue();
    }

    @Test
    void anUnreachableDatabaseForTheDryRunIs503() {
        try (AgroalDataSource database = ClosedPort.database()) {
            Throwable failure = catchThrowable(() -> new PendingPoints(database).count(task("dry-run").getSpec()));

            assertThat(failure).isInstanceOf(ApiException.class);
            assertUnavailable(new ProblemMappers().refused((ApiException) failure),
                    "the database cannot be reached");
        }
    }

    private static AnalysisTask task(String name) {
        return TestTasks.task(NS, name, Skill.STAY_DETECTION);
    }

    private static void assertUnavailable(Response response, String detail) {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).detail()).startsWith(detail);
    }
}
