package dev.tracks.analysis.skill;

import static dev.tracks.analysis.skill.Skill.GRID_SYSTEM;
import static dev.tracks.analysis.skill.Skill.OUTLIER_DETECTION;
import static dev.tracks.analysis.skill.Skill.STAY_DETECTION;
import static dev.tracks.analysis.skill.Skill.TRANSPORT_MODE;
import static dev.tracks.analysis.skill.Skill.TRIP_CONSTRUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SkillCatalogTest {

    @Test
    void onlyOutlierDetectionSeesFlaggedFixesAndOnlyDataImportLoadsFromOutside() {
        assertThat(SkillCatalog.all().stream().filter(SkillDefinition::seesFlaggedFixes).map(SkillDefinition::skill))
                .containsExactly(Skill.OUTLIER_DETECTION);
        assertThat(SkillCatalog.all().stream().filter(SkillDefinition::isLoader).map(SkillDefinition::skill))
                .containsExactly(Skill.DATA_IMPORT);
    }

    @Test
    void catalogHasTheTwentyNineSkillsInTheirCategories() {
        Map<SkillCategory, List<String>> byCategory = Arrays.stream(Skill.values()).collect(
                Collectors.groupingBy(Skill::category, () -> new EnumMap<>(SkillCategory.class),
                        Collectors.mapping(Skill::id, Collectors.toList())));
        assertThat(byCategory).containsExactly(
                Map.entry(SkillCategory.FOUNDATION,
                        List.of("outlier_detection", "trajectory_completion", "geocoding", "data_import")),
                Map.entry(SkillCategory.BEHAVIOR, List.of("transport_mode", "stay_detection", "trip_construction",
                        "streak_detection", "speed_events")),
                Map.entry(SkillCategory.SPATIAL, List.of("grid_system", "road_overlap", "density_structure",
                        "speed_space_coupling", "revisit_pattern", "utilization_efficiency", "spatial_complexity",
                        "directional_bias")),
                Map.entry(SkillCategory.STATISTICS, List.of("footprint_stats", "stay_stats", "extreme_events",
                        "admin_crossings", "admin_view")),
                Map.entry(SkillCategory.ADVANCED,
                        List.of("time_space_slicing", "time_space_compression", "altitude_dimension")),
                Map.entry(SkillCategory.VISUALIZATION,
                        List.of("rendering_metadata", "time_axis_map", "stay_annotation")),
                Map.entry(SkillCategory.INTEGRATION, List.of("spatial_persona")));
        assertThat(SkillCatalog.all()).extracting(SkillDefinition::skill).containsExactly(Skill.values());
    }

    @Test
    void wireNameOfEverySkillIsItsId() throws NoSuchFieldException {
        for (Skill skill : Skill.values()) {
            JsonProperty property = Skill.class.getField(skill.name()).getAnnotation(JsonProperty.class);
            assertThat(property.value()).as(skill.name()).isEqualTo(skill.id());
            assertThat(Skill.fromId(skill.id())).contains(skill);
        }
        assertThat(Skill.fromId("teleportation")).isEmpty();
    }

    @Test
    void everyDefinitionIsDocumented() {
        for (SkillDefinition definition : SkillCatalog.all()) {
            assertThat(definition.description()).as(definition.skill().id()).isNotBlank();
            definition.dependencies().forEach(d -> assertThat(d.reason())
                    .as(definition.skill().id() + " -> " + d.skill().id()).isNotBlank());
            definition.params().forEach(p -> assertThat(p.description())
                    .as(definition.skill().id() + "." + p.name()).isNotBlank());
            assertThat(definition.params()).extracting(ParamSpec::name).doesNotHaveDuplicates();
        }
    }

    @Test
    void dependenciesFormAnAcyclicGraph() {
        for (SkillDefinition definition : SkillCatalog.all()) {
            assertThat(definition.dependsOn()).as(definition.skill().id()).doesNotContain(definition.skill())
                    .doesNotHaveDuplicates();
            assertThat(SkillCatalog.withDependencies(definition.dependsOn())).as("cycle through " + definition.skill())
                    .doesNotContain(definition.skill());
        }
        List<Skill> order = SkillCatalog.inDependencyOrder(List.of(Skill.values()));
        assertThat(order).containsExactlyInAnyOrder(Skill.values());
        assertIsTopological(order);
    }

    @Test
    void oldSequentialChainIsATopologicalOrderOfTheDag() {
        assertThat(SkillCatalog.withDependencies(SkillCatalog.DEFAULT_CHAIN))
                .as("the default chain needs no skill outside it")
                .containsExactlyInAnyOrderElementsOf(SkillCatalog.DEFAULT_CHAIN);
        assertIsTopological(SkillCatalog.DEFAULT_CHAIN);
    }

    @Test
    void independentChainSkillsCanRunInParallel() {
        assertThat(SkillCatalog.withDependencies(List.of(GRID_SYSTEM))).containsExactlyInAnyOrder(GRID_SYSTEM,
                OUTLIER_DETECTION);
        assertThat(SkillCatalog.withDependencies(List.of(STAY_DETECTION)))
                .doesNotContain(GRID_SYSTEM, TRANSPORT_MODE);
        assertThat(SkillCatalog.withDependencies(List.of(TRIP_CONSTRUCTION)))
                .containsExactlyInAnyOrder(TRIP_CONSTRUCTION, STAY_DETECTION, TRANSPORT_MODE, OUTLIER_DETECTION);
    }

    @Test
    void downstreamOfASkillIsEverySkillThatDependsOnItTransitively() {
        assertThat(SkillCatalog.downstreamOf(STAY_DETECTION)).extracting(Skill::id).containsExactlyInAnyOrder(
                "trip_construction", "footprint_stats", "stay_stats", "streak_detection", "altitude_dimension",
                "spatial_persona", "road_overlap", "utilization_efficiency", "spatial_complexity", "extreme_events",
                "rendering_metadata", "time_axis_map", "speed_space_coupling", "revisit_pattern", "stay_annotation",
                "speed_events", "time_space_compression", "directional_bias");
        for (Skill skill : Skill.values()) {
            for (Skill downstream : SkillCatalog.downstreamOf(skill)) {
                assertThat(SkillCatalog.withDependencies(List.of(downstream))).as(downstream.id()).contains(skill);
            }
        }
        assertThat(SkillCatalog.downstreamOf(Skill.RENDERING_METADATA)).isEmpty();
    }

    @Test
    void everyDatasetReadIsASourceOrWrittenByADependency() {
        for (SkillDefinition definition : SkillCatalog.all()) {
            Set<Dataset> available = EnumSet.noneOf(Dataset.class);
            SkillCatalog.withDependencies(definition.dependsOn())
                    .forEach(dependency -> available.addAll(SkillCatalog.definition(dependency).writes()));
            for (Dataset read : definition.reads()) {
                assertThat(read.isSource() || available.contains(read))
                        .as("%s reads %s, which none of its dependencies writes", definition.skill().id(), read)
                        .isTrue();
            }
            assertThat(definition.writes()).as(definition.skill().id()).isNotEmpty();
        }
    }

    @Test
    void everyResultDatasetHasExactlyOneWriter() {
        Map<Dataset, List<Skill>> writers = SkillCatalog.all().stream()
                .flatMap(d -> d.writes().stream().map(w -> Map.entry(w, d.skill())))
                .filter(e -> !e.getKey().isSource())
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        for (Dataset dataset : Dataset.values()) {
            if (!dataset.isSource()) {
                assertThat(writers.get(dataset)).as(dataset.table()).hasSize(1);
            }
        }
        assertThat(Arrays.stream(Dataset.values()).map(Dataset::table)).doesNotHaveDuplicates();
    }

    @Test
    void dependencyOrderKeepsCatalogOrderAmongIndependentSkills() {
        assertThat(SkillCatalog.inDependencyOrder(List.of(GRID_SYSTEM, TRIP_CONSTRUCTION, OUTLIER_DETECTION,
                STAY_DETECTION, TRANSPORT_MODE)))
                .containsExactly(OUTLIER_DETECTION, TRANSPORT_MODE, STAY_DETECTION, TRIP_CONSTRUCTION, GRID_SYSTEM);
        assertThat(SkillCatalog.inDependencyOrder(List.of())).isEmpty();
    }

    @Test
    void invalidDefaultsAreRejectedWhenTheCatalogIsBuilt() {
        assertThatThrownBy(() -> ParamSpec.integer("zoom", 30, 0, 22, null, "doc"))
                .hasMessageContaining("zoom: default must be between 0 and 22, got 30");
    }

    private static void assertIsTopological(List<Skill> order) {
        Map<Skill, Integer> position = new EnumMap<>(Skill.class);
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (Skill skill : order) {
            for (Skill dependency : SkillCatalog.definition(skill).dependsOn()) {
                assertThat(position.get(dependency)).as("%s must come after %s", skill.id(), dependency.id())
                        .isNotNull().isLessThan(position.get(skill));
            }
        }
        assertThat(new HashSet<>(order)).hasSize(order.size());
    }

    @Test
    void theDefaultChainsLongestPathsAreCountedFromTheirEnds() {
        assertThat(SkillCatalog.waitingDepth(SkillCatalog.DEFAULT_CHAIN)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Skill.OUTLIER_DETECTION, 3,
                Skill.STAY_DETECTION, 2,
                Skill.TRANSPORT_MODE, 2,
                Skill.GRID_SYSTEM, 1,
                Skill.TRIP_CONSTRUCTION, 1,
                Skill.STAY_STATS, 0,
                Skill.FOOTPRINT_STATS, 0,
                Skill.RENDERING_METADATA, 0));
        // A chain of a part: only its own skills wait.
        assertThat(SkillCatalog.waitingDepth(List.of(Skill.OUTLIER_DETECTION, Skill.GRID_SYSTEM)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Skill.OUTLIER_DETECTION, 1, Skill.GRID_SYSTEM, 0));
    }
}
