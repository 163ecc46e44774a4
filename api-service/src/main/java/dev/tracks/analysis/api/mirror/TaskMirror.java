package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.local.ApiMode;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.task.AnalysisTask;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The status mirror: keeps {@code analysis_tasks} equal to the AnalysisTasks of the service's namespace
 * ({@code tracks.api.namespace}), so that listing never asks the Kubernetes API.
 *
 * <p>An informer delivers every change; the {@link MirrorWriter} upserts it by uid on its own thread, in resource
 * version order (see {@link MirrorStore}), retrying while PostgreSQL is unavailable. A deleted resource keeps its row
 * with deleted_at set. At every start the informer lists all tasks (each upserted, so changes made while the service
 * was down are caught up) and the rows of tasks absent from that listing are marked deleted; then it watches, and
 * relists by itself when the watch cannot resume. Until the first listing succeeds (Kubernetes unreachable) the
 * informer keeps retrying, and the table serves what it has. Each failed attempt a task reports is logged once.
 */
@ApplicationScoped
public class TaskMirror {

    private static final Logger LOG = Logger.getLogger(TaskMirror.class);
    private static final String RECONCILE_KEY = "listing";

    private final KubernetesClient client;
    private final MirrorStore store;
    private final MirrorMetrics metrics;
    private final String namespace;
    private final Duration resyncPeriod;
    private final Duration maxRetryDelay;
    private final int batchSize;

    private SharedIndexInformer<AnalysisTask> informer;
    private MirrorWriter writer;

    TaskMirror(KubernetesClient client, MirrorStore store, MeterRegistry registry,
            @ConfigProperty(name = "tracks.api.namespace") String namespace,
            @ConfigProperty(name = "tracks.api.mirror.resync-period", defaultValue = "10m") Duration resyncPeriod,
            @ConfigProperty(name = "tracks.api.mirror.max-retry-delay", defaultValue = "30s") Duration maxRetryDelay,
            @ConfigProperty(name = "tracks.api.mirror.batch-size", defaultValue = "500") int batchSize) {
        this.client = client;
        this.store = store;
        this.namespace = namespace;
        this.resyncPeriod = resyncPeriod;
        this.maxRetryDelay = maxRetryDelay;
        this.batchSize = batchSize;
        this.metrics = new MirrorMetrics(registry, this::pendingWrites);
    }

    /**
     * Mirrors a task at once, in the caller's transaction if there is one, and returns its row id: for the REST
     * layer right after it created the resource, so that the new task can be listed before its informer event
     * arrives. {@code task} must be the resource as the API server returned it (with uid and resourceVersion).
     */
    public Long record(AnalysisTask task) {
        long id = store.upsert(MirrorRow.of(task, serialization()));
        metrics.event("recorded");
        return id;
    }

    /** The row id of the task with this uid, if it has been mirrored (deleted or not). */
    public Optional<Long> idOf(UUID uid) {
        return store.idOf(uid);
    }

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = ApiMode.PROPERTY) ApiMode mode) {
        // In the local mode there is no API server to watch: the local controller records every change itself.
        if (mode == ApiMode.KUBERNETES) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the informer; its first listing is the resync. Package-private for the restart test. */
    synchronized void start() {
        if (informer != null) {
            return;
        }
        MirrorWriter started = new MirrorWriter(maxRetryDelay, batchSize, this::write, metrics);
        SharedIndexInformer<AnalysisTask> watching = client.resources(AnalysisTask.class).inNamespace(namespace)
                .runnableInformer(resyncPeriod.toMillis());
        watching.exceptionHandler((isStarted, e) -> {
            LOG.warnf(e, "status mirror: listing or watching AnalysisTasks in %s failed, retrying", namespace);
            return true;
        });
        watching.addEventHandler(new Handler(started));
        writer = started;
        informer = watching;
        watching.start().thenRun(() -> markMissingDeleted(watching, started));
        LOG.infof("status mirror watching AnalysisTasks in namespace %s", namespace);
    }

    /** Stops the informer and the writer (pending writes are dropped: the next start relists). */
    synchronized void stop() {
        if (informer == null) {
            return;
        }
        informer.close();
        try {
            writer.close(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        informer = null;
        writer = null;
    }

    /** Changes received and not yet written. */
    synchronized int pendingWrites() {
        return writer != null ? writer.pendingCount() : 0;
    }

    /**
     * After the first listing: the tasks it did not contain were deleted while nobody watched. The store holds the
     * listing plus any later events, all at versions up to lastSyncResourceVersion (the informer updates its store
     * before that version), so a row mirrored from an older version whose uid is not in the store is gone.
     */
    private void markMissingDeleted(SharedIndexInformer<AnalysisTask> listed, MirrorWriter target) {
        String version = listed.lastSyncResourceVersion();
        List<UUID> present = listed.getStore().list().stream().map(t -> UUID.fromString(t.getMetadata().getUid()))
                .toList();
        Instant since = Instant.now();
        target.submit(RECONCILE_KEY, new Reconcile(() -> {
            int marked = store.markMissingDeleted(namespace, present, version);
            LOG.infof("status mirror synced %d AnalysisTasks at version %s; %d rows of deleted tasks marked",
                    present.size(), version, marked);
        }, since));
    }

    /** A batch of the writer in one transaction: the changes in one multi-row write, then a listing's cleanup. */
    private void write(List<MirrorWriter.Write> batch) {
        List<MirrorStore.Change> changes = new ArrayList<>();
        List<Runnable> reconciles = new ArrayList<>();
        for (MirrorWriter.Write write : batch) {
            if (write instanceof Received received) {
                changes.add(received.change());
            } else {
                reconciles.add(((Reconcile) write).action());
            }
        }
        QuarkusTransaction.joiningExisting().run(() -> {
            if (!changes.isEmpty()) {
                store.write(changes);
            }
            reconciles.forEach(Runnable::run);
        });
    }

    private KubernetesSerialization serialization() {
        return client.getKubernetesSerialization();
    }

    /** Turns informer events into pending writes; mapping errors are deterministic and only logged. */
    private final class Handler implements ResourceEventHandler<AnalysisTask> {

        private final MirrorWriter target;

        Handler(MirrorWriter target) {
            this.target = target;
        }

        @Override
        public void onAdd(AnalysisTask task) {
            submit(task, false, "added");
        }

        @Override
        public void onUpdate(AnalysisTask old, AnalysisTask task) {
            StatusReport.newFailure(old.getStatus(), task.getStatus()).ifPresent(failure -> LOG.warnf("task %s/%s: %s",
                    task.getMetadata().getNamespace(), task.getMetadata().getName(), failure.describe()));
            String oldVersion = old.getMetadata().getResourceVersion();
            boolean resync = Objects.equals(oldVersion, task.getMetadata().getResourceVersion());
            submit(task, false, resync ? "resync" : "updated");
        }

        @Override
        public void onDelete(AnalysisTask task, boolean finalStateUnknown) {
            submit(task, true, "deleted");
        }

        private void submit(AnalysisTask task, boolean deleted, String type) {
            metrics.event(type);
            try {
                MirrorRow row = MirrorRow.of(task, serialization());
                target.submit(row.uid(), new Received(new MirrorStore.Change(row, deleted), Instant.now()));
            } catch (RuntimeException e) {
                metrics.failed();
                LOG.errorf(e, "status mirror: cannot map AnalysisTask %s/%s", task.getMetadata().getNamespace(),
                        task.getMetadata().getName());
            }
        }
    }

    /**
     * The latest state of one resource. A deletion is final: a change queued after it (none can follow a deletion of
     * the same uid, but a stale resync might) does not undo it. The time of the oldest merged change is kept.
     */
    private record Received(MirrorStore.Change change, Instant since) implements MirrorWriter.Write {
        @Override
        public MirrorWriter.Write followedBy(MirrorWriter.Write newer) {
            return change.deleted() ? this : new Received(((Received) newer).change, since);
        }
    }

    private record Reconcile(Runnable action, Instant since) implements MirrorWriter.Write {
        @Override
        public MirrorWriter.Write followedBy(MirrorWriter.Write newer) {
            return newer;
        }
    }
}
