package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TaskPhase;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Wakes the tasks a task's phase change concerns: the tasks that depend on it and, when it joins the queue or
 * finishes, the queued tasks (their positions and the free slots change). It reads the tasks from the primary
 * informer's cache, through two indexes it adds there (by dependency, by phase), and hears of their changes from it
 * ({@link ResourceEventAware}: the SDK passes on every task event that is not the echo of the operator's own write), so
 * every task event is decoded once and costs no scan of all tasks. The operator's own writes are reported by the
 * reconciler right after they land ({@link #phaseWritten}), when the primary cache already holds them.
 */
final class TaskTransitions extends AbstractEventSource<AnalysisTask, AnalysisTask>
        implements ResourceEventAware<AnalysisTask> {

    private static final String BY_DEPENDENCY = "dependency";
    private static final String BY_PHASE = "phase";

    private final IndexerResourceCache<AnalysisTask> tasks;

    /** Adds its indexes to {@code tasks}, the primary cache, which must not have started yet. */
    TaskTransitions(IndexerResourceCache<AnalysisTask> tasks) {
        super(AnalysisTask.class, "task-transitions");
        this.tasks = tasks;
        tasks.addIndexer(BY_DEPENDENCY, task -> task.getSpec().dependsOnOrEmpty().stream()
                .map(name -> task.getMetadata().getNamespace() + "/" + name).toList());
        tasks.addIndexer(BY_PHASE, task -> task.phase() == null ? List.of() : List.of(task.phase().name()));
    }

    /** The tasks in {@code phase}, as the informer has them (not the operator's writes it has not seen yet). */
    List<AnalysisTask> inPhase(TaskPhase phase) {
        return tasks.byIndex(BY_PHASE, phase.name());
    }

    /** The tasks holding an admission slot (Running, or Retrying between attempts), as the informer has them. */
    List<AnalysisTask> holdingSlots() {
        return Arrays.stream(TaskPhase.values()).filter(TaskPhase::holdsSlot).flatMap(phase -> inPhase(phase).stream())
                .toList();
    }

    @Override
    public Set<AnalysisTask> getSecondaryResources(AnalysisTask primary) {
        return Set.of();
    }

    @Override
    public void onResourceCreated(AnalysisTask task) {
        wakeThoseConcerned(task);
    }

    @Override
    public void onResourceUpdated(AnalysisTask task, AnalysisTask before) {
        if (task.phase() != before.phase()) {
            wakeThoseConcerned(task);
        }
    }

    @Override
    public void onResourceDeleted(AnalysisTask task) {
        wakeThoseConcerned(task);
    }

    /** The operator moved {@code task} from {@code before} to the phase it has now. */
    void phaseWritten(AnalysisTask task, TaskPhase before) {
        if (task.phase() != before) {
            wakeThoseConcerned(task);
        }
    }

    private void wakeThoseConcerned(AnalysisTask changed) {
        if (getEventHandler() == null || !isRunning()) {
            return;
        }
        boolean movesQueue = changed.phase() == TaskPhase.QUEUED || changed.finished();
        Stream.concat(tasks.byIndex(BY_DEPENDENCY, AnalysisTaskReconciler.key(changed)).stream(),
                        movesQueue ? inPhase(TaskPhase.QUEUED).stream() : Stream.empty())
                .map(ResourceID::fromResource).distinct()
                .forEach(task -> getEventHandler().handleEvent(new Event(task)));
    }
}
