package dev.tracks.analysis.worker.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every catalog skill is either implemented (found through {@code META-INF/services}) or on the catalog's one "not
 * yet" list, never both and never neither; and each implementation writes exactly the datasets the catalog says.
 */
class SkillCompletenessTest {

    private final SkillRegistry registry = SkillRegistry.standard();

    @Test
    void everyCatalogSkillIsImplementedOrListedAsNotYet() {
        Set<Skill> implemented = EnumSet.noneOf(Skill.class);
        implemented.addAll(registry.implemented());

        assertThat(implemented).as("implemented and not-yet overlap").noneMatch(
                SkillCatalog.NOT_YET_IMPLEMENTED::contains);
        Set<Skill> covered = EnumSet.copyOf(implemented);
        covered.addAll(SkillCatalog.NOT_YET_IMPLEMENTED);
        assertThat(covered).as("skills neither implemented nor listed as not yet").containsExactlyInAnyOrder(
                Skill.values());
    }

    @Test
    void aSkillNotImplementedFailsWithAClearMessage() {
        // A worker older than its catalog, or a skill not yet implemented (SkillCatalog.NOT_YET_IMPLEMENTED).
        SkillRegistry older = new SkillRegistry(registry.implemented().stream()
                .filter(skill -> skill != Skill.ROAD_OVERLAP).<SkillImplementation<?>>map(registry::get).toList());
        assertThatThrownBy(() -> older.get(Skill.ROAD_OVERLAP)).isInstanceOf(WorkerFailure.class)
                .hasMessageContaining("skill road_overlap is not implemented in this worker version");
        for (Skill skill : SkillCatalog.NOT_YET_IMPLEMENTED) {
            assertThatThrownBy(() -> registry.get(skill)).isInstanceOf(WorkerFailure.class)
                    .hasMessageContaining("skill " + skill.id() + " is not implemented");
        }
    }

    @Test
    void eachSkillWritesTheDatasetsOfItsCatalogEntry() {
        for (Skill skill : registry.implemented()) {
            List<Dataset> results = SkillCatalog.definition(skill).writes().stream()
                    .filter(dataset -> !dataset.isSource()).toList();
            assertThat(registry.get(skill).datasets()).as(skill.id()).extracting(SkillDataset::dataset)
                    .containsExactlyElementsOf(results);
        }
    }

    @Test
    void csvFileNamesAreUnique() {
        List<String> files = registry.implemented().stream().flatMap(skill -> registry.get(skill).datasets().stream())
                .map(dataset -> dataset.csv().fileName()).toList();
        assertThat(files).doesNotHaveDuplicates();
    }
}
