package dev.tracks.analysis.skill;

import dev.tracks.analysis.readme.ReadmeSection;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's table of skills and their parameters is generated from the catalog, so it cannot drift: this test
 * fails when the table between its markers differs from a fresh rendering. After changing the catalog:
 * {@code ./mvnw -pl k8s test -Dtest=SkillTableTest -Dreadme.update=true}.
 */
class SkillTableTest {

    @Test
    void theReadmeTableIsTheCatalog() throws IOException {
        ReadmeSection.assertGenerated("skill-table", "SkillTableTest", table());
    }

    /** One row per skill in dependency order: name, category, needs, writes, parameters with defaults and bounds. */
    static String table() {
        StringBuilder out = new StringBuilder("| skill | category | needs | writes | parameters (default; bounds) |\n"
                + "|---|---|---|---|---|\n");
        for (Skill skill : SkillCatalog.inDependencyOrder(List.of(Skill.values()))) {
            SkillDefinition definition = SkillCatalog.definition(skill);
            out.append("| `").append(skill.id()).append("`").append(SkillCatalog.DEFAULT_CHAIN.contains(skill)
                            ? " (chain)" : "")
                    .append(" | ").append(skill.category().id())
                    .append(" | ").append(definition.dependsOn().isEmpty() ? "-" : definition.dependsOn().stream()
                            .map(Skill::id).collect(Collectors.joining(", ")))
                    .append(" | ").append(definition.writes().stream().map(Dataset::table)
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(definition.params().isEmpty() ? "-" : definition.params().stream()
                            .map(SkillTableTest::parameter).collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String parameter(ParamSpec p) {
        StringBuilder text = new StringBuilder("`").append(p.name()).append("` ");
        if (p.required()) {
            text.append("required");
        } else {
            text.append(p.defaultValue() == null ? "none" : number(p.defaultValue()));
        }
        if (p.min() != null && p.max() != null) {
            text.append(", ").append(number(p.min())).append("-").append(number(p.max()));
        }
        if (!p.choices().isEmpty()) {
            text.append(", ").append(String.join("/", p.choices()));
        }
        if (p.unit() != null) {
            text.append(" ").append(p.unit());
        }
        return text.toString();
    }

    private static String number(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(value);
    }
}
