package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.readme.ReadmeSection;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README's table of the CSV files {@code analyze} writes is generated from the datasets' exports, so it cannot drift.
 * After changing a dataset: {@code ./mvnw -pl k8s,worker-image -am test -Dtest=CsvTableTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreadme.update=true}.
 */
class CsvTableTest {

    @Test
    void theReadmeTableIsTheDatasets() throws IOException {
        ReadmeSection.assertGenerated("csv-table", "CsvTableTest", table());
    }

    /** One row per file, in dependency order of the skills that write them. */
    static String table() {
        SkillRegistry registry = SkillRegistry.standard();
        StringBuilder out = new StringBuilder("| file | skill | columns |\n|---|---|---|\n");
        for (Skill skill : SkillCatalog.inDependencyOrder(registry.implemented())) {
            for (SkillDataset dataset : registry.get(skill).datasets()) {
                out.append("| `").append(dataset.csv().fileName()).append("` | ").append(skill.id()).append(" | ")
                        .append(columns(dataset.csv().columns())).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String columns(List<CsvExport.Column> columns) {
        return columns.stream().map(column -> column.note() == null ? column.name()
                : column.name() + " (" + column.note() + ")").collect(Collectors.joining(", "));
    }
}
