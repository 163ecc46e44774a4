package dev.tracks.analysis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import dev.tracks.analysis.reference.ReferenceOption;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The chart as helm sees it: lint, the CRD it ships, what it renders with default and with non-default values, and
 * the values schema. The API server checks the rendered objects in {@link HelmInstallTest}.
 */
@RealKubernetes
class HelmChartTest {

    private static final String RELEASE = "tracks";

    private final ControlPlane controlPlane;

    HelmChartTest(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    @Test
    void lintPassesStrictly() {
        CommandResult lint = controlPlane.helm("lint", "--strict", Chart.DIRECTORY.toString());
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        CommandResult lintEverything = controlPlane.helm("lint", "--strict", Chart.DIRECTORY.toString(), "-f",
                Chart.EVERYTHING_ON.toString());
        assertThat(lintEverything.exitCode()).as(lintEverything.toString()).isZero();
    }

    @Test
    void theChartShipsTheGeneratedCrdUnchanged() throws IOException {
        Path shipped = Chart.DIRECTORY.resolve("crds").resolve("analysistasks.analysis.tracks.dev-v1.yml");
        assertThat(Files.readAllBytes(shipped))
                .as("%s must equal k8s/crd/ (copy it after regenerating the CRD)", shipped)
                .isEqualTo(Files.readAllBytes(Path.of("crd", "analysistasks.analysis.tracks.dev-v1.yml")));
        try (var files = Files.list(shipped.getParent())) {
            assertThat(files).containsExactly(shipped);
        }
    }

    @Test
    void defaultValuesRenderTheCoreResourcesOnly() {
        List<HasMetadata> resources = render();
        assertThat(Chart.kindsAndNames(resources)).containsExactlyInAnyOrder(
                "ServiceAccount/tracks-tracks-analysis-operator",
                "ServiceAccount/tracks-tracks-analysis-api",
                "ServiceAccount/tracks-tracks-analysis-worker",
                "Role/tracks-tracks-analysis-operator",
                "Role/tracks-tracks-analysis-api",
                "Role/tracks-tracks-analysis-worker",
                "RoleBinding/tracks-tracks-analysis-operator",
                "RoleBinding/tracks-tracks-analysis-api",
                "RoleBinding/tracks-tracks-analysis-worker",
                "Secret/tracks-tracks-analysis-db",
                "ConfigMap/tracks-tracks-analysis-operator",
                "Deployment/tracks-tracks-analysis-operator",
                "Deployment/tracks-tracks-analysis-api",
                "Service/tracks-tracks-analysis-operator",
                "Service/tracks-tracks-analysis-api");
        assertThat(resources).allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo("tracks-ns"));
        assertThat(operatorProperties(resources)).contains(
                "tracks.operator.max-running=10",
                "tracks.operator.leader-election.lease-name=tracks-tracks-analysis-operator",
                "tracks.operator.leader-election.lease-namespace=tracks-ns",
                "tracks.operator.worker.image=tracks/worker:0.1.0",
                "tracks.operator.worker.service-account=tracks-tracks-analysis-worker",
                "tracks.operator.worker.database.secret=tracks-tracks-analysis-db");
        Container operator = container(resources, "operator");
        assertThat(operator.getImage()).isEqualTo("tracks/operator:0.1.0");
        assertThat(env(operator)).containsEntry("QUARKUS_OPERATOR_SDK_CONTROLLERS_ANALYSISTASK_NAMESPACES",
                "tracks-ns");
        Container api = container(resources, "api");
        assertThat(api.getImage()).isEqualTo("tracks/api-service:0.1.0");
        assertThat(env(api)).containsEntry("TRACKS_NAMESPACE", "tracks-ns")
                .containsEntry("TRACKS_MAX_UPLOAD_BYTES", "268435456")
                .containsEntry("TRACKS_MAX_BODY_BYTES", "269484032")
                .containsEntry("TRACKS_OIDC_ENABLED", "false");
        assertThat(secretReference(api, "TRACKS_DB_PASSWORD")).isEqualTo("tracks-tracks-analysis-db/password");
        assertThat(secretReference(api, "TRACKS_ADMIN_TOKENS")).isEqualTo("tracks-tracks-analysis-admin-tokens/tokens");
    }

    @Test
    void nonDefaultValuesRenderEveryOptionalPart() {
        List<HasMetadata> resources = render("-f", Chart.EVERYTHING_ON.toString());
        assertThat(Chart.kindsAndNames(resources))
                .contains("Ingress/tracks-tracks-analysis-api",
                        "NetworkPolicy/tracks-tracks-analysis-operator",
                        "NetworkPolicy/tracks-tracks-analysis-api",
                        "NetworkPolicy/tracks-tracks-analysis-worker",
                        "PodDisruptionBudget/tracks-tracks-analysis-operator",
                        "PodDisruptionBudget/tracks-tracks-analysis-api",
                        "ServiceMonitor/tracks-tracks-analysis-operator",
                        "ServiceMonitor/tracks-tracks-analysis-api",
                        "Secret/tracks-tracks-analysis-admin-tokens")
                .as("the database Secret exists already").doesNotContain("Secret/tracks-tracks-analysis-db");

        Deployment operator = deployment(resources, "operator");
        assertThat(operator.getSpec().getReplicas()).isEqualTo(2);
        assertThat(operator.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(operator.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/tracks/tracks/operator:0.1.0-rc1");
        assertThat(operatorProperties(resources)).contains(
                "tracks.operator.max-running=20",
                "tracks.operator.max-running-per-skill.stay_detection=2",
                "tracks.operator.max-running-per-skill.data_import=1",
                "tracks.operator.priority-classes.100=tracks-high",
                "tracks.operator.priority-classes.-100=tracks-low",
                "tracks.operator.worker.image=registry.example.com/tracks/tracks/worker:0.1.0-rc1",
                "tracks.operator.worker.command=java,-jar,/deployments/tracks-worker.jar",
                "tracks.operator.worker.resources-per-skill.stay_detection.memory-limit=2Gi",
                "tracks.operator.worker.database.secret=analytics-db",
                "tracks.operator.worker.database.url-key=jdbc-url",
                "tracks.operator.worker.database.user-key=username",
                "tracks.operator.worker.database.password-key=pw");

        Container api = container(resources, "api");
        assertThat(secretReference(api, "TRACKS_DB_URL")).isEqualTo("analytics-db/jdbc-url");
        assertThat(secretReference(api, "TRACKS_DB_USER")).isEqualTo("analytics-db/username");
        assertThat(secretReference(api, "TRACKS_DB_PASSWORD")).isEqualTo("analytics-db/pw");
        assertThat(env(api)).containsEntry("TRACKS_OIDC_ENABLED", "true")
                .containsEntry("TRACKS_OIDC_AUTH_SERVER_URL", "https://sso.example.com/realms/tracks");
        Ingress ingress = (Ingress) find(resources, "Ingress", "tracks-tracks-analysis-api");
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("tracks.example.com");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
                .getName()).isEqualTo("tracks-tracks-analysis-api");
        assertThat(find(resources, "ServiceAccount", "tracks-tracks-analysis-worker"))
                .extracting("imagePullSecrets").asString().contains("regcred");
    }

    @Test
    void everyPodRunsRestrictedWithProbesAndAWritableTmpOnly() {
        for (String values : List.of("values.yaml", Chart.EVERYTHING_ON.toString())) {
            List<HasMetadata> resources = render("-f", Chart.DIRECTORY.resolve(values).toString());
            for (String component : List.of("operator", "api")) {
                PodSpec pod = deployment(resources, component).getSpec().getTemplate().getSpec();
                assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
                assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
                assertThat(pod.getServiceAccountName()).isEqualTo("tracks-tracks-analysis-" + component);
                Container container = pod.getContainers().get(0);
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo("/tmp");
                    assertThat(pod.getVolumes()).anySatisfy(volume -> {
                        assertThat(volume.getName()).isEqualTo(mount.getName());
                        assertThat(volume.getEmptyDir()).isNotNull();
                    });
                });
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
                assertThat(container.getPorts()).singleElement()
                        .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8080));
                assertThat(container.getResources().getLimits()).containsKey("memory");
                assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            }
        }
    }

    /**
     * Each reference load is a Job after install and upgrade running the worker's {@code reference load} on a file of
     * the read-only reference volume, with the database Secret, restricted like the worker Jobs and with their
     * NetworkPolicy; the reason of a failure is its termination message.
     */
    @Test
    void referenceLoadsAreRestrictedJobsReadingTheReferenceVolume() {
        List<HasMetadata> resources = render("-f", Chart.EVERYTHING_ON.toString());
        Job places = (Job) find(resources, "Job", "tracks-tracks-analysis-reference-0");
        assertThat(places.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "post-install,post-upgrade")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation");
        assertThat(places.getSpec().getTtlSecondsAfterFinished()).isEqualTo(86400);
        assertThat(places.getSpec().getBackoffLimit()).isEqualTo(4);
        PodSpec pod = places.getSpec().getTemplate().getSpec();
        assertThat(places.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "tracks-worker")
                .containsEntry("app.kubernetes.io/component", "reference");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getServiceAccountName()).isEqualTo("tracks-tracks-analysis-worker");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getNodeSelector()).containsEntry("disk", "ssd");
        Container container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example.com/tracks/tracks/worker:0.1.0-rc1");
        assertThat(container.getCommand()).containsExactly("java", "-jar", "/deployments/tracks-worker.jar");
        assertThat(container.getArgs()).containsExactly("reference", "load", "places", "--file",
                "/reference/geonames/rg_cities1000.csv", "--attribution=GeoNames, CC BY 4.0",
                "--population-column=population");
        assertThat(((Job) find(resources, "Job", "tracks-tracks-analysis-reference-1")).getSpec().getTemplate()
                .getSpec().getContainers().get(0).getArgs()).containsExactly("reference", "load", "admin", "--file",
                "/reference/admin1.json", "--attribution=Natural Earth (public domain)",
                "--country-property=iso_a2,adm0_a3", "--level=1");
        assertThat(secretReference(container, "TRACKS_DB_URL")).isEqualTo("analytics-db/jdbc-url");
        assertThat(secretReference(container, "TRACKS_DB_USER")).isEqualTo("analytics-db/username");
        assertThat(secretReference(container, "TRACKS_DB_PASSWORD")).isEqualTo("analytics-db/pw");
        assertThat(container.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
                VolumeMount::getReadOnly).containsExactlyInAnyOrder(tuple("tmp", "/tmp", null),
                tuple("reference", "/reference", true));
        assertThat(pod.getVolumes()).anySatisfy(volume -> {
            assertThat(volume.getName()).isEqualTo("tmp");
            assertThat(volume.getEmptyDir()).isNotNull();
        }).anySatisfy(volume -> {
            assertThat(volume.getName()).isEqualTo("reference");
            assertThat(volume.getNfs().getServer()).isEqualTo("nfs.example.com");
        });

        PodSpec fromClaim = ((Job) find(render("--set", "referenceData.existingClaim=reference-files",
                "--set", "referenceData.loads[0].kind=admin", "--set", "referenceData.loads[0].file=admin1.json"),
                "Job", "tracks-tracks-analysis-reference-0")).getSpec().getTemplate().getSpec();
        assertThat(fromClaim.getVolumes()).anySatisfy(volume -> {
            assertThat(volume.getName()).isEqualTo("reference");
            assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("reference-files");
            assertThat(volume.getPersistentVolumeClaim().getReadOnly()).isTrue();
        });
        assertThat(Chart.kindsAndNames(render())).noneMatch(name -> name.startsWith("Job/"));

        CommandResult noVolume = controlPlane.helm("template", RELEASE, Chart.DIRECTORY.toString(),
                "--set", "referenceData.loads[0].kind=admin", "--set", "referenceData.loads[0].file=admin1.json");
        assertThat(noVolume.exitCode()).isNotZero();
        assertThat(noVolume.stderr()).contains("referenceData.loads: the files need a volume: set"
                + " referenceData.existingClaim or referenceData.volume");
    }

    /** The chart takes a load's options by the names the admin API and the command line share, and no others. */
    @Test
    void theSchemaKnowsTheReferenceOptionsByTheirApiNames() throws IOException {
        JsonNode options = new ObjectMapper().readTree(Chart.DIRECTORY.resolve("values.schema.json").toFile())
                .at("/properties/referenceData/properties/loads/items/properties/options/propertyNames/enum");
        List<String> names = new ArrayList<>();
        options.forEach(name -> names.add(name.asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(Arrays.stream(ReferenceOption.values())
                .filter(option -> option != ReferenceOption.ATTRIBUTION).map(ReferenceOption::apiName).toList());
    }

    @Test
    void theSchemaRejectsWrongValuesNamingThem() {
        assertRejected("at '/operator/replicas': got string, want integer", "--set", "operator.replicas=two");
        assertRejected("value must be one of", "--set", "operator.maxRunningPerSkill.stay_detektion=2");
        assertRejected("additional properties 'replica' not allowed", "--set", "operator.replica=2");
        assertRejected("value must be one of 'Always', 'IfNotPresent', 'Never'",
                "--set", "global.image.pullPolicy=Sometimes");
        assertRejected("minLength", "--set", "apiService.auth.staticTokens.tokens.ci=short");
        assertRejected("'/database/url'", "--set", "database.url=postgres://db/tracks");
        assertRejected("missing property 'authServerUrl'", "--set", "apiService.auth.oidc.enabled=true",
                "--set", "apiService.auth.oidc.authServerUrl=null");
        assertRejected("at '/referenceData/loads/0/kind': value must be one of 'admin', 'places', 'osm'",
                "--set", "referenceData.loads[0].kind=roads", "--set", "referenceData.loads[0].file=a.json");
        assertRejected("at '/referenceData/loads/0/file'", "--set", "referenceData.loads[0].kind=admin",
                "--set", "referenceData.loads[0].file=../secrets/a.json");
        assertRejected("at '/referenceData/loads/0/file'", "--set", "referenceData.loads[0].kind=admin",
                "--set", "referenceData.loads[0].file=/etc/passwd");
        assertRejected("invalid propertyName 'levels'", "--set", "referenceData.loads[0].kind=admin",
                "--set", "referenceData.loads[0].file=a.json", "--set", "referenceData.loads[0].options.levels=1");
    }

    private void assertRejected(String message, String... args) {
        CommandResult result = controlPlane.helm(Stream.concat(
                Stream.of("template", RELEASE, Chart.DIRECTORY.toString()),
                Stream.of(args)).toArray(String[]::new));
        assertThat(result.exitCode()).as(String.join(" ", args)).isNotZero();
        assertThat(result.stderr()).as(String.join(" ", args))
                .contains("values don't meet the specifications of the schema").contains(message);
    }

    private List<HasMetadata> render(String... args) {
        return Chart.resources(controlPlane, Chart.template(controlPlane, RELEASE, "tracks-ns", args));
    }

    private static HasMetadata find(List<HasMetadata> resources, String kind, String name) {
        return resources.stream().filter(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Deployment deployment(List<HasMetadata> resources, String component) {
        return (Deployment) find(resources, "Deployment", "tracks-tracks-analysis-" + component);
    }

    private static Container container(List<HasMetadata> resources, String component) {
        return deployment(resources, component).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<String> operatorProperties(List<HasMetadata> resources) {
        ConfigMap config = (ConfigMap) find(resources, "ConfigMap", "tracks-tracks-analysis-operator");
        return config.getData().get("application.properties").lines().toList();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static String secretReference(Container container, String name) {
        var reference = container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef();
        return reference.getName() + "/" + reference.getKey();
    }
}
