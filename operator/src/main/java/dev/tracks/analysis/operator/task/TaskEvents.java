package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events on a task for {@code kubectl describe atask}, only for what people look for there: a Job made
 * for it (the start, each retry), an attempt that failed, and the end. Waiting and queueing are in the status (phase,
 * message, conditions), not in Events: each Event is an API write, and a thousand tasks queued at once would write a
 * thousand nobody reads.
 */
final class TaskEvents {

    private static final Logger LOG = Logger.getLogger(TaskEvents.class);

    /** What an Event says: Warning or Normal, its reason and message. */
    record Notice(boolean warning, String reason, String message) {
    }

    private TaskEvents() {
    }

    /**
     * The Events {@code decision} is worth, given the status before and after it: an attempt's failure once (the end's
     * Event tells a failure that ends the task), then the Job made or the end; none for every other decision.
     */
    static List<Notice> notices(Decision decision, AnalysisTaskStatus previous, AnalysisTaskStatus next) {
        List<Notice> notices = new ArrayList<>();
        if (!(decision instanceof Decision.Finish)) {
            StatusReport.newFailure(previous, next).ifPresent(failure ->
                    notices.add(new Notice(true, "AttemptFailed", failure.describe())));
        }
        if (decision instanceof Decision.Start || decision instanceof Decision.Retry) {
            notices.add(new Notice(false, decision instanceof Decision.Start ? TaskPhase.RUNNING.displayName()
                    : "Retrying", "Job " + next.getJobName() + " created: " + next.getMessage()));
        }
        if (decision instanceof Decision.Finish finish) {
            notices.add(new Notice(finish.phase() == TaskPhase.FAILED, finish.phase().displayName(),
                    next.getMessage()));
        }
        return notices;
    }

    static void record(KubernetesClient client, AnalysisTask task, Decision decision, AnalysisTaskStatus next) {
        notices(decision, task.getStatus(), next).forEach(notice -> create(client, task, notice));
    }

    private static void create(KubernetesClient client, AnalysisTask task, Notice notice) {
        String now = Instant.now().toString();
        try {
            client.v1().events().inNamespace(task.getMetadata().getNamespace()).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName(task.getMetadata().getName() + ".").endMetadata()
                    .withNewInvolvedObject().withApiVersion(task.getApiVersion()).withKind(task.getKind())
                    .withName(task.getMetadata().getName()).withNamespace(task.getMetadata().getNamespace())
                    .withUid(task.getMetadata().getUid()).endInvolvedObject()
                    .withType(notice.warning() ? "Warning" : "Normal")
                    .withReason(notice.reason())
                    .withMessage(notice.message())
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .withNewSource().withComponent("tracks-operator").endSource()
                    .build()).create();
        } catch (KubernetesClientException e) {
            // Events are a courtesy; a task's progress never depends on them.
            LOG.debugf("event for %s not recorded: %s", task.getMetadata().getName(), e.getMessage());
        }
    }
}
