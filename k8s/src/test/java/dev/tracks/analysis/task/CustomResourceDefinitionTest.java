package dev.tracks.analysis.task;

import dev.tracks.analysis.skill.Skill;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The CRD in git ({@code k8s/crd/}) is what every other module, the Helm chart and users apply. It must equal the
 * CRD generated from the Java types. To refresh it after changing the types:
 * {@code ./mvnw -pl k8s test -Dtest=CustomResourceDefinitionTest -Dcrd.update=true}.
 */
class CustomResourceDefinitionTest {

    private static final Path CHECKED_IN = Path.of("crd", CrdGeneration.FILE_NAME);

    private static Path generated;
    private static CustomResourceDefinitionVersion version;

    @BeforeAll
    static void generate() throws IOException {
        generated = CrdGeneration.generate(Path.of("target", "generated-crd"));
        if (Boolean.getBoolean("crd.update")) {
            Files.copy(generated, CHECKED_IN, StandardCopyOption.REPLACE_EXISTING);
        }
        CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(CHECKED_IN),
                CustomResourceDefinition.class);
        assertThat(crd.getSpec().getVersions()).hasSize(1);
        version = crd.getSpec().getVersions().get(0);
    }

    @Test
    void copyInGitEqualsTheCrdGeneratedFromTheTypes() throws IOException {
        assertThat(Files.readString(CHECKED_IN))
                .as("%s is stale; regenerate it with: ./mvnw -pl k8s test -Dtest=CustomResourceDefinitionTest"
                        + " -Dcrd.update=true", CHECKED_IN)
                .isEqualTo(Files.readString(generated));
    }

    @Test
    void namesGroupAndScopeAreThoseUsersType() throws IOException {
        CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(CHECKED_IN),
                CustomResourceDefinition.class);
        assertThat(crd.getMetadata().getName()).isEqualTo("analysistasks.analysis.tracks.dev");
        assertThat(crd.getSpec().getGroup()).isEqualTo("analysis.tracks.dev");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("AnalysisTask");
        assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("analysistasks");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("atask");
        assertThat(crd.getSpec().getNames().getCategories()).containsExactly("tracks");
        assertThat(version.getName()).isEqualTo("v1alpha1");
        assertThat(version.getServed()).isTrue();
        assertThat(version.getStorage()).isTrue();
    }

    @Test
    void skillEnumListsEveryCatalogSkill() {
        List<String> expected = Arrays.stream(Skill.values()).map(Skill::id).toList();
        assertThat(expected).hasSize(29);
        assertThat(specProperty("skill").getEnum()).extracting(node -> node.asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(spec().getRequired()).containsExactly("skill");
    }

    @Test
    void printerColumnsShowSkillModePhaseProgressEtaAndAge() {
        assertThat(version.getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath)
                .containsExactly(
                        tuple("Skill", ".spec.skill"),
                        tuple("Mode", ".spec.mode"),
                        tuple("Phase", ".status.phase"),
                        tuple("Progress", ".status.progress.percent"),
                        tuple("ETA", ".status.progress.etaSeconds"),
                        tuple("Age", ".metadata.creationTimestamp"));
    }

    @Test
    void statusIsASubresource() {
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties()).containsKey("status");
    }

    @Test
    void enumsDefaultsAndBoundsAreInTheSchema() {
        assertThat(specProperty("mode").getEnum()).extracting(node -> node.asText())
                .containsExactlyInAnyOrder("INCREMENTAL", "FULL_RECOMPUTE");
        assertThat(specProperty("mode").getDefault().asText()).isEqualTo("INCREMENTAL");
        assertBounds("batchSize", 10_000, AnalysisTaskSpec.MIN_BATCH_SIZE, AnalysisTaskSpec.MAX_BATCH_SIZE);
        assertBounds("parallelism", 1, 1, AnalysisTaskSpec.MAX_PARALLELISM);
        assertBounds("priority", 0, -AnalysisTaskSpec.MAX_PRIORITY, AnalysisTaskSpec.MAX_PRIORITY);
        assertBounds("maxRetries", AnalysisTaskSpec.DEFAULT_MAX_RETRIES, 0, AnalysisTaskSpec.MAX_RETRIES);
        assertBounds("backoffSeconds", AnalysisTaskSpec.DEFAULT_BACKOFF_SECONDS, 1,
                AnalysisTaskSpec.MAX_BACKOFF_SECONDS);
        assertThat(specProperty("deadlineSeconds").getMinimum()).isEqualTo(AnalysisTaskSpec.MIN_DEADLINE_SECONDS);
        assertThat(specProperty("cancel").getDefault().asBoolean()).isFalse();
        assertThat(specProperty("params").getXKubernetesPreserveUnknownFields()).isTrue();
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("status").getProperties()
                .get("phase").getEnum()).extracting(node -> node.asText())
                .containsExactlyInAnyOrder("Pending", "Waiting", "Queued", "Running", "Retrying", "Succeeded", "Failed",
                        "Cancelled");
    }

    @Test
    void dependsOnIsABoundedSetOfTaskNames() {
        JSONSchemaProps dependsOn = specProperty("dependsOn");
        assertThat(dependsOn.getType()).isEqualTo("array");
        assertThat(dependsOn.getXKubernetesListType()).isEqualTo("set");
        assertThat(dependsOn.getMaxItems()).isEqualTo(AnalysisTaskSpec.MAX_DEPENDENCIES);
        assertThat(dependsOn.getItems().getSchema().getType()).isEqualTo("string");
        assertThat(dependsOn.getItems().getSchema().getMaxLength()).isEqualTo(253);
        assertThat(dependsOn.getItems().getSchema().getPattern()).isEqualTo(AnalysisTaskSpec.TASK_NAME_PATTERN);
    }

    @Test
    void celRulesGuardSelfDependencyImmutabilityCancelAndTimeRange() {
        assertThat(rules(version.getSchema().getOpenAPIV3Schema()))
                .containsExactly("!has(self.spec.dependsOn) || !(self.metadata.name in self.spec.dependsOn)");
        assertThat(rules(specProperty("skill"))).containsExactly("self == oldSelf");
        assertThat(rules(specProperty("cancel"))).containsExactly("self || !oldSelf");
        JSONSchemaProps scope = specProperty("scope");
        assertThat(rules(scope)).containsExactly(
                "!has(self.from) || !has(self.to) || timestamp(self.from) < timestamp(self.to)");
        assertThat(scope.getProperties().get("from").getFormat()).isEqualTo("date-time");
        assertThat(scope.getProperties().get("userIds").getXKubernetesListType()).isEqualTo("set");
        assertThat(scope.getProperties().get("userIds").getItems().getSchema().getMaxLength())
                .isEqualTo(TaskScope.MAX_USER_ID_LENGTH);
    }

    @Test
    void resourcesAreQuantitiesOfTheAllowedResourcesCheckedByCelRules() {
        JSONSchemaProps resources = specProperty("resources");
        for (String map : List.of("limits", "requests")) {
            JSONSchemaProps quantities = resources.getProperties().get(map);
            assertThat(quantities.getMaxProperties()).isEqualTo(WorkerResource.values().length);
            JSONSchemaProps quantity = quantities.getAdditionalProperties().getSchema();
            assertThat(quantity.getPattern()).isEqualTo(KubernetesQuantity.PATTERN);
            assertThat(quantity.getMaxLength()).isEqualTo(KubernetesQuantity.MAX_LENGTH);
            assertThat(rules(quantity)).containsExactly(ResourcesSchema.NOT_NEGATIVE_RULE);
            assertThat(rules(quantities)).containsExactly(ResourcesSchema.KNOWN_NAMES_RULE,
                    ResourcesSchema.MAXIMA_RULE, ResourcesSchema.WHOLE_RULE);
        }
        assertThat(rules(resources)).containsExactly(ResourcesSchema.REQUEST_AT_MOST_LIMIT_RULE,
                ResourcesSchema.EXTENDED_REQUEST_EQUALS_LIMIT_RULE, ResourcesSchema.NO_CLAIMS_RULE);
        assertThat(ResourcesSchema.KNOWN_NAMES_RULE).isEqualTo("self.all(k, k in {'cpu': '1024', 'memory': '32Ti',"
                + " 'ephemeral-storage': '1Pi', 'nvidia.com/gpu': '16', 'amd.com/gpu': '16'})");
    }

    @Test
    void skillAndModeAreSelectableFields() {
        assertThat(version.getSelectableFields()).extracting(f -> f.getJsonPath())
                .containsExactlyInAnyOrder(".spec.skill", ".spec.mode");
    }

    private static void assertBounds(String property, long defaultValue, long min, long max) {
        JSONSchemaProps schema = specProperty(property);
        assertThat(schema.getDefault().asLong()).as(property + " default").isEqualTo(defaultValue);
        assertThat(schema.getMinimum()).as(property + " minimum").isEqualTo(min);
        assertThat(schema.getMaximum()).as(property + " maximum").isEqualTo(max);
    }

    private static List<String> rules(JSONSchemaProps schema) {
        return schema.getXKubernetesValidations().stream().map(ValidationRule::getRule).toList();
    }

    private static JSONSchemaProps spec() {
        return version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    }

    private static JSONSchemaProps specProperty(String name) {
        return spec().getProperties().get(name);
    }
}
