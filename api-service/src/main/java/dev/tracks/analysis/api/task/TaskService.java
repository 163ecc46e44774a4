package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.mirror.MirroredTask;
import dev.tracks.analysis.api.mirror.TaskMirror;
import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.TaskLabels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates and cancels AnalysisTasks. No partial state: a task is created as a resource first and then recorded in the
 * mirror, so there is never a row without a resource. If recording fails (PostgreSQL unreachable) or a later task of
 * a chain cannot be created, the tasks created so far are cancelled at once (spec.cancel: the operator ends them
 * without a Job; the service's ServiceAccount may patch but not delete tasks) and the caller gets the error: nothing
 * the caller was told failed ever runs.
 */
@ApplicationScoped
public class TaskService {

    private static final Logger LOG = Logger.getLogger(TaskService.class);

    private final TaskResources resources;
    private final TaskMirror mirror;
    private final PendingPoints pendingPoints;
    private final String namespace;

    TaskService(TaskResources resources, TaskMirror mirror, PendingPoints pendingPoints,
                @ConfigProperty(name = "tracks.api.namespace") String namespace) {
        this.resources = resources;
        this.mirror = mirror;
        this.pendingPoints = pendingPoints;
        this.namespace = namespace;
    }

    /** A new task from a request, or a refusal naming the field; returns its mirror row. */
    public MirroredTask create(TaskRequest request, String caller) {
        AnalysisTaskSpec spec = validSpec(request);
        OptionalLong points = pendingPoints(spec);
        if (points.isPresent() && points.getAsLong() == 0) {
            throw ApiException.invalid(null, "nothing to analyze: 0 points for " + spec.getSkill().id() + " ("
                    + spec.getMode() + ") in the given scope");
        }
        return createAll(List.of(newTask(generateName(spec.getSkill()), spec, caller, Map.of())), caller).get(0);
    }

    /**
     * The dry run of {@link #create}: the request validated as create validates it, and the points its task would
     * analyze; empty when they are not counted before a run (a loader reads files, a task with dependencies analyzes
     * what they will have written).
     */
    public OptionalLong pendingPoints(TaskRequest request) {
        return pendingPoints(validSpec(request));
    }

    private AnalysisTaskSpec validSpec(TaskRequest request) {
        AnalysisTaskSpec spec = TaskSpecs.spec(request, dependencyNames(request.dependsOn()));
        TaskSpecs.validate("params", spec);
        return spec;
    }

    private OptionalLong pendingPoints(AnalysisTaskSpec spec) {
        return spec.getDependsOn().isEmpty() && !SkillCatalog.definition(spec.getSkill()).isLoader()
                ? OptionalLong.of(pendingPoints.count(spec)) : OptionalLong.empty();
    }

    /**
     * Creates the resources in order and records each; on any failure the ones created are cancelled again and the
     * failure is reported (503 when Kubernetes or PostgreSQL cannot be reached).
     */
    public List<MirroredTask> createAll(List<AnalysisTask> tasks, String caller) {
        List<AnalysisTask> created = new ArrayList<>();
        try {
            List<Long> ids = new ArrayList<>();
            for (AnalysisTask task : tasks) {
                AnalysisTask resource = resources.create(task);
                created.add(resource);
                ids.add(mirror.record(resource));
            }
            LOG.infof("%s created %d task(s): %s", caller, created.size(),
                    created.stream().map(t -> t.getMetadata().getName()).toList());
            return ids.stream().map(id -> (MirroredTask) MirroredTask.findById(id)).toList();
        } catch (RuntimeException e) {
            undo(created);
            throw e;
        }
    }

    /** Sets spec.cancel (idempotent); 409 when the task has finished or no longer exists. */
    public MirroredTask cancel(long id) {
        MirroredTask row = MirroredTask.findById(id);
        if (row == null) {
            throw ApiException.notFound("no task with id " + id);
        }
        if (row.status.isFinished() || row.deletedAt != null) {
            throw ApiException.conflict("task " + id + " (" + row.name + ") has already finished: "
                    + row.status.displayName());
        }
        AnalysisTask resource = resources.get(row.namespace, row.name).orElse(null);
        if (resource == null || !resource.getMetadata().getUid().equals(row.uid.toString())) {
            throw ApiException.conflict("task " + id + " (" + row.name + ") no longer exists");
        }
        if (resource.finished()) {
            throw ApiException.conflict("task " + id + " (" + row.name + ") has already finished: "
                    + resource.phase().displayName());
        }
        mirror.record(resources.cancel(row.namespace, row.name));
        return MirroredTask.findById(id);
    }

    /** An AnalysisTask to create: the spec, who asked, and labels (e.g. its chain). */
    public AnalysisTask newTask(String name, AnalysisTaskSpec spec, String caller, Map<String, String> labels) {
        return newTask(name, spec, caller, labels, Map.of());
    }

    /** {@link #newTask(String, AnalysisTaskSpec, String, Map)} with annotations beside the caller's. */
    public AnalysisTask newTask(String name, AnalysisTaskSpec spec, String caller, Map<String, String> labels,
                                Map<String, String> annotations) {
        AnalysisTask task = new AnalysisTask();
        Map<String, String> allAnnotations = new HashMap<>(annotations);
        allAnnotations.put(TaskLabels.CREATED_BY, caller);
        ObjectMetaBuilder metadata = new ObjectMetaBuilder().withNamespace(namespace)
                .withAnnotations(allAnnotations).withLabels(labels);
        if (name.endsWith("-")) {
            metadata.withGenerateName(name);
        } else {
            metadata.withName(name);
        }
        task.setMetadata(metadata.build());
        task.setSpec(spec);
        return task;
    }

    /** The prefix of a generated name: the skill's name in DNS form, the API server appends 5 characters. */
    static String generateName(Skill skill) {
        return skill.id().replace('_', '-').toLowerCase(Locale.ROOT) + "-";
    }

    /** depends_on entries: mirror ids (numbers) or names (strings) of tasks in the namespace that still exist. */
    private List<String> dependencyNames(List<Object> dependsOn) {
        List<String> names = new ArrayList<>();
        if (dependsOn == null) {
            return names;
        }
        for (int i = 0; i < dependsOn.size(); i++) {
            Object entry = dependsOn.get(i);
            String field = "depends_on[" + i + "]";
            MirroredTask dependency;
            if (entry instanceof Number number) {
                dependency = MirroredTask.findById(number.longValue());
            } else if (entry instanceof String name) {
                dependency = MirroredTask.find("namespace = ?1 and name = ?2 and deletedAt is null", namespace, name)
                        .firstResult();
            } else {
                throw ApiException.invalid(field, "must be a task id (number) or name (string), got " + entry);
            }
            if (dependency == null || dependency.deletedAt != null || !namespace.equals(dependency.namespace)) {
                throw ApiException.invalid(field, "no existing task " + entry + " in namespace " + namespace);
            }
            names.add(dependency.name);
        }
        return names;
    }

    private void undo(List<AnalysisTask> created) {
        for (AnalysisTask task : created) {
            try {
                resources.cancel(task.getMetadata().getNamespace(), task.getMetadata().getName());
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not cancel %s after a failed creation; cancel or delete it by hand",
                        task.getMetadata().getName());
            }
        }
    }
}
