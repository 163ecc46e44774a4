package dev.tracks.analysis.worker;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.skill.SkillDefinition;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lists the skill catalog in dependency order: what a chain of tasks will run, what each needs, and whether this
 * worker implements it.
 */
@Command(name = "skills", description = "Lists the skills in dependency order with what each needs and writes.")
final class SkillsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Skill> implemented = SkillRegistry.standard().implemented();
        out.printf("%-24s %-14s %-12s %-44s %s%n", "SKILL", "CATEGORY", "IMPLEMENTED", "NEEDS", "WRITES");
        for (Skill skill : SkillCatalog.inDependencyOrder(List.of(Skill.values()))) {
            SkillDefinition definition = SkillCatalog.definition(skill);
            out.printf("%-24s %-14s %-12s %-44s %s%n", skill.id(), skill.category().id(),
                    implemented.contains(skill) ? "yes" : "not yet",
                    definition.dependsOn().isEmpty() ? "-" : definition.dependsOn().stream().map(Skill::id)
                            .collect(Collectors.joining(",")),
                    definition.writes().stream().map(Dataset::table).collect(Collectors.joining(",")));
        }
        out.flush();
        return 0;
    }
}
