package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.task.AnalysisTask;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Optional;

/** AnalysisTasks as resources of the Kubernetes API; the operator runs them. */
@ApplicationScoped
@Typed(KubernetesTaskResources.class)
public class KubernetesTaskResources implements TaskResources {

    private static final String CANCEL = "{\"spec\":{\"cancel\":true}}";

    private final KubernetesClient client;

    KubernetesTaskResources(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public AnalysisTask create(AnalysisTask task) {
        try {
            return client.resources(AnalysisTask.class).inNamespace(task.getMetadata().getNamespace()).resource(task)
                    .create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw ApiException.conflict("a task of that name exists already");
            }
            if (e.getCode() == 422) {
                throw ApiException.invalid(null, "the Kubernetes API refused the task: "
                        + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()));
            }
            throw e;
        }
    }

    @Override
    public Optional<AnalysisTask> get(String namespace, String name) {
        return Optional.ofNullable(client.resources(AnalysisTask.class).inNamespace(namespace).withName(name).get());
    }

    @Override
    public AnalysisTask cancel(String namespace, String name) {
        return client.resources(AnalysisTask.class).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), CANCEL);
    }
}
