package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TaskPhase;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The operator's own metrics, with labels of low cardinality (phase only, never a task's name): tasks by phase, the
 * queue length, and admissions. Reconcile durations come from the Java Operator SDK's metrics (per controller).
 */
final class TaskMetrics {

    private final Counter admissions;

    TaskMetrics(MeterRegistry registry, Supplier<IndexedResourceCache<AnalysisTask>> tasks) {
        for (TaskPhase phase : TaskPhase.values()) {
            Gauge.builder("tracks.tasks", () -> count(tasks, phase))
                    .description("AnalysisTasks by phase, in all watched namespaces")
                    .tag("phase", phase.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("tracks.tasks.queue.length", () -> count(tasks, TaskPhase.QUEUED))
                .description("Ready tasks waiting for a free slot")
                .register(registry);
        admissions = Counter.builder("tracks.tasks.admissions")
                .description("Tasks admitted to run (a worker Job created)")
                .register(registry);
    }

    void admitted() {
        admissions.increment();
    }

    private static double count(Supplier<IndexedResourceCache<AnalysisTask>> tasks, TaskPhase phase) {
        IndexedResourceCache<AnalysisTask> cache = tasks.get();
        if (cache == null) {
            return 0;
        }
        return cache.list().filter(task -> task.phase() == phase).count();
    }
}
