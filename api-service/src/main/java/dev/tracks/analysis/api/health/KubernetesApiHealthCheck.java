package dev.tracks.analysis.api.health;

import dev.tracks.analysis.api.local.ApiMode;
import dev.tracks.analysis.task.AnalysisTask;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kubernetes API answers: lists at most one AnalysisTask of the service's namespace, which
 * also proves that the CRD is installed and that the ServiceAccount may list tasks. A call slower than
 * {@code tracks.api.health.kubernetes-timeout} counts as down, so that a hanging API server fails the probe instead
 * of outlasting it. In the local mode no Kubernetes API is used and the check says so.
 */
@Readiness
@ApplicationScoped
public class KubernetesApiHealthCheck implements HealthCheck {

    static final String NAME = "Kubernetes API";

    private final KubernetesClient client;
    private final ApiMode mode;
    private final String namespace;
    private final Duration timeout;

    KubernetesApiHealthCheck(KubernetesClient client, @ConfigProperty(name = ApiMode.PROPERTY) ApiMode mode,
            @ConfigProperty(name = "tracks.api.namespace") String namespace,
            @ConfigProperty(name = "tracks.api.health.kubernetes-timeout", defaultValue = "2s") Duration timeout) {
        this.client = client;
        this.mode = mode;
        this.namespace = namespace;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("namespace", namespace);
        if (mode == ApiMode.LOCAL) {
            return response.up().withData("mode", "local: no Kubernetes API is used").build();
        }
        try {
            CompletableFuture.runAsync(this::listOne).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (TimeoutException e) {
            return response.down().withData("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return response.down().withData("error", String.valueOf(e.getCause().getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }

    private void listOne() {
        client.resources(AnalysisTask.class).inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L)
                .build());
    }
}
