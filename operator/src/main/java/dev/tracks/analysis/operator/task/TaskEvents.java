package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import org.jboss.logging.Logger;

/** A Kubernetes Event on the task for each phase transition, for {@code kubectl describe atask}. */
final class TaskEvents {

    private static final Logger LOG = Logger.getLogger(TaskEvents.class);

    private TaskEvents() {
    }

    static void transition(KubernetesClient client, AnalysisTask task, TaskPhase from, AnalysisTaskStatus to) {
        String now = Instant.now().toString();
        boolean failed = to.getPhase() == TaskPhase.FAILED;
        try {
            client.v1().events().inNamespace(task.getMetadata().getNamespace()).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName(task.getMetadata().getName() + ".").endMetadata()
                    .withNewInvolvedObject().withApiVersion(task.getApiVersion()).withKind(task.getKind())
                    .withName(task.getMetadata().getName()).withNamespace(task.getMetadata().getNamespace())
                    .withUid(task.getMetadata().getUid()).endInvolvedObject()
                    .withType(failed ? "Warning" : "Normal")
                    .withReason(to.getPhase().displayName())
                    .withMessage((from == null ? "" : "from " + from.name().toLowerCase() + ": ") + to.getMessage())
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .withNewSource().withComponent("tracks-operator").endSource()
                    .build()).create();
        } catch (KubernetesClientException e) {
            // Events are a courtesy; a task's progress never depends on them.
            LOG.debugf("event for %s not recorded: %s", task.getMetadata().getName(), e.getMessage());
        }
    }
}
