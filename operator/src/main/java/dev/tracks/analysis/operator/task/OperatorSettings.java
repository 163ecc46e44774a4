package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.lifecycle.Admission;
import dev.tracks.analysis.operator.job.JobSettings;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.FieldViolation;
import dev.tracks.analysis.task.TaskSpecValidation;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The operator's configuration ({@code tracks.operator.*}); the Helm chart sets it through the environment. */
@ConfigMapping(prefix = "tracks.operator")
public interface OperatorSettings {

    Worker worker();

    /** How many tasks may run at once, in all namespaces. */
    @WithDefault("10")
    int maxRunning();

    /** Per-skill limits of running tasks, by skill name (e.g. {@code stay_detection: 2}). */
    Map<String, Integer> maxRunningPerSkill();

    Election leaderElection();

    /** PriorityClass names by the lowest task priority they apply to (e.g. {@code 100: tracks-high}). */
    Map<Integer, String> priorityClasses();

    interface Worker {
        @WithDefault("tracks/worker:latest")
        String image();

        @WithDefault("IfNotPresent")
        String imagePullPolicy();

        /** The container command; absent to use the image's entrypoint. */
        Optional<List<String>> command();

        @WithDefault("tracks-worker")
        String serviceAccount();

        /** How long finished Jobs stay (the task's status keeps the outcome after they are gone). */
        @WithDefault("3600")
        int ttlSecondsAfterFinished();

        Database database();

        @WithDefault("500m")
        String cpuRequest();

        @WithDefault("512Mi")
        String memoryRequest();

        @WithDefault("1Gi")
        String memoryLimit();

        /** Per-skill resources by skill name (e.g. {@code stay_detection.memory-limit=2Gi}); unset ones: the above. */
        Map<String, SkillResources> resourcesPerSkill();
    }

    interface SkillResources {
        Optional<String> cpuRequest();

        Optional<String> memoryRequest();

        Optional<String> memoryLimit();
    }

    /** Only one replica acts at a time: the holder of a Lease (in production; see the prod profile). */
    interface Election {
        @WithDefault("tracks-operator")
        String leaseName();

        /** The Lease's namespace; in a cluster, the operator pod's own namespace when absent. */
        Optional<String> leaseNamespace();

        /** This replica's name in the Lease; the pod name (HOSTNAME) when absent. */
        Optional<String> identity();
    }

    interface Database {
        /** The Secret with the database URL, user and password; Jobs reference it, never copy it. */
        @WithDefault("tracks-db")
        String secret();

        @WithDefault("url")
        String urlKey();

        @WithDefault("user")
        String userKey();

        @WithDefault("password")
        String passwordKey();
    }

    default Admission.Limits limits() {
        Map<Skill, Integer> perSkill = new EnumMap<>(Skill.class);
        maxRunningPerSkill().forEach((name, limit) -> perSkill.put(skill(name, "max-running-per-skill"), limit));
        return new Admission.Limits(maxRunning(), perSkill);
    }

    default JobSettings jobSettings() {
        Worker worker = worker();
        ResourceRequirements defaults = resources("worker", worker.cpuRequest(), worker.memoryRequest(),
                worker.memoryLimit());
        Map<Skill, ResourceRequirements> perSkill = new EnumMap<>(Skill.class);
        worker.resourcesPerSkill().forEach((name, own) -> perSkill.put(skill(name, "worker.resources-per-skill"),
                resources("worker.resources-per-skill." + name, own.cpuRequest().orElse(worker.cpuRequest()),
                        own.memoryRequest().orElse(worker.memoryRequest()),
                        own.memoryLimit().orElse(worker.memoryLimit()))));
        return new JobSettings(worker.image(), worker.imagePullPolicy(), worker.command().orElse(List.of()),
                worker.serviceAccount(), worker.ttlSecondsAfterFinished(), worker.database().secret(),
                worker.database().urlKey(), worker.database().userKey(), worker.database().passwordKey(), defaults,
                perSkill, priorityClasses());
    }

    /**
     * The worker resources of {@code tracks.operator.<key>.*}, checked as a task's are: a value Kubernetes refuses
     * (a request above its limit...) would fail every Job, so it fails the start instead.
     */
    private static ResourceRequirements resources(String key, String cpuRequest, String memoryRequest,
                                                  String memoryLimit) {
        ResourceRequirements resources = new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(cpuRequest))
                .addToRequests("memory", new Quantity(memoryRequest))
                .addToLimits("memory", new Quantity(memoryLimit))
                .build();
        List<FieldViolation> violations = TaskSpecValidation.validateResources("", resources);
        if (!violations.isEmpty()) {
            Map<String, String> configKeys = Map.of(".requests.cpu", "cpu-request", ".requests.memory",
                    "memory-request", ".limits.memory", "memory-limit");
            throw new IllegalArgumentException(violations.stream().map(v -> "tracks.operator." + key + "."
                    + configKeys.get(v.field()) + ": " + v.message()).collect(Collectors.joining("; ")));
        }
        return resources;
    }

    private static Skill skill(String name, String key) {
        return Skill.fromId(name).orElseThrow(() -> new IllegalArgumentException("tracks.operator." + key
                + ": unknown skill " + name + "; one of the catalog's, e.g. stay_detection"));
    }
}
