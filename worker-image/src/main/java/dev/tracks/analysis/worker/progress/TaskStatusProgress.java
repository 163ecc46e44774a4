package dev.tracks.analysis.worker.progress;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskProgress;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Writes progress (and at the end the result summary) into the AnalysisTask's status by server-side apply with the
 * worker's own field manager: it owns status.progress and status.resultSummary only, so the operator's fields (phase,
 * conditions, ...) are never touched, and the worker's ServiceAccount needs nothing but patch on analysistasks/status.
 * A failed report is logged, not fatal: progress is information, the results are what matters.
 */
public final class TaskStatusProgress implements ProgressListener {

    public static final String FIELD_MANAGER = "tracks-worker";
    private static final Logger LOG = Logger.getLogger(TaskStatusProgress.class.getName());

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Supplier<Map<String, Object>> resultSummary;

    /** @param resultSummary asked for at the last report */
    public TaskStatusProgress(KubernetesClient client, String namespace, String name,
                              Supplier<Map<String, Object>> resultSummary) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.resultSummary = resultSummary;
    }

    @Override
    public void report(ProgressSnapshot progress, boolean last) {
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setProgress(toStatus(progress));
        if (last) {
            status.setResultSummary(resultSummary.get());
        }
        try {
            client.resource(statusOnly(namespace, name, status)).subresource("status")
                    .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
                            .withFieldManager(FIELD_MANAGER).withForce(true).build());
        } catch (KubernetesClientException e) {
            LOG.warning("could not report progress to " + namespace + "/" + name + ": " + e.getMessage());
        }
    }

    /**
     * The apply body: the task's name and the worker's two status fields, nothing else (no spec). Applied from this
     * object, the client sends the patch without reading the task first, so the worker needs no read permission.
     */
    static AnalysisTask statusOnly(String namespace, String name, AnalysisTaskStatus status) {
        AnalysisTask task = new AnalysisTask();
        task.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        task.setSpec(null);
        task.setStatus(status);
        return task;
    }

    static TaskProgress toStatus(ProgressSnapshot snapshot) {
        TaskProgress progress = new TaskProgress();
        progress.setTotalPoints(snapshot.totalPoints());
        progress.setProcessedPoints(snapshot.processedPoints());
        progress.setFailedPoints(snapshot.failedPoints());
        progress.setPercent(Math.round(snapshot.percent() * 10) / 10.0);
        progress.setPointsPerSecond(snapshot.pointsPerSecond() == null ? null
                : (double) Math.round(snapshot.pointsPerSecond()));
        progress.setEtaSeconds(snapshot.etaSeconds());
        progress.setUpdatedAt(snapshot.at().toString());
        return progress;
    }
}
