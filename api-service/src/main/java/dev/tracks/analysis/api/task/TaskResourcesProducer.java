package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.local.ApiMode;
import dev.tracks.analysis.api.local.LocalTaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@link TaskResources} of the configured {@link ApiMode}; the other one is never created. */
@ApplicationScoped
class TaskResourcesProducer {

    @Produces
    @ApplicationScoped
    TaskResources taskResources(@ConfigProperty(name = ApiMode.PROPERTY) ApiMode mode,
                                Instance<KubernetesTaskResources> cluster, Instance<LocalTaskStore> local) {
        return mode == ApiMode.LOCAL ? local.get() : cluster.get();
    }
}
