package dev.tracks.analysis.api.task;

import dev.tracks.analysis.task.AnalysisTask;
import java.util.Optional;

/**
 * Where AnalysisTask resources live: the Kubernetes API in a cluster ({@link KubernetesTaskResources}), PostgreSQL
 * in the local mode. Each returns resources as the Kubernetes API would: with uid, name, resourceVersion,
 * generation and creationTimestamp set.
 */
public interface TaskResources {

    /** Creates the task (a name ending in '-' is a prefix to complete); 409 when its name is taken. */
    AnalysisTask create(AnalysisTask task);

    /** The task as it is now, if it exists. */
    Optional<AnalysisTask> get(String namespace, String name);

    /** Sets spec.cancel (idempotent) and returns the changed task. */
    AnalysisTask cancel(String namespace, String name);
}
