package dev.tracks.analysis.worker.progress;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TaskProgress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
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
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("progress", toStatus(progress));
        if (last) {
            status.put("resultSummary", resultSummary.get());
        }
        String body = client.getKubernetesSerialization().asJson(Map.of(
                "apiVersion", AnalysisTask.GROUP + "/" + AnalysisTask.VERSION,
                "kind", "AnalysisTask",
                "metadata", Map.of("name", name, "namespace", namespace),
                "status", status));
        try {
            client.resources(AnalysisTask.class).inNamespace(namespace).withName(name).subresource("status")
                    .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
                            .withFieldManager(FIELD_MANAGER).withForce(true).build(), body);
        } catch (KubernetesClientException e) {
            LOG.warning("could not report progress to " + namespace + "/" + name + ": " + e.getMessage());
        }
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
