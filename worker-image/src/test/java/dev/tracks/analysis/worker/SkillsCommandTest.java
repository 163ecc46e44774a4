package dev.tracks.analysis.worker;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class SkillsCommandTest {

    @Test
    void listsEverySkillAfterTheSkillsItNeedsAndWhetherItIsImplemented() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new WorkerCommand()).setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("skills");

        assertThat(exitCode).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1 + 29);
        assertThat(lines.get(0)).startsWith("SKILL");
        List<String> order = lines.stream().skip(1).map(line -> line.split("\\s+")[0]).toList();
        assertThat(order.indexOf("outlier_detection")).isLessThan(order.indexOf("stay_detection"));
        assertThat(order.indexOf("stay_detection")).isLessThan(order.indexOf("trip_construction"));
        assertThat(order.indexOf("transport_mode")).isLessThan(order.indexOf("trip_construction"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("trip_construction\\s+behavior\\s+yes\\s+stay_detection,transport_mode\\s+triplegs,trips"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("admin_crossings\\s+statistics\\s+yes\\s+geocoding\\s+admin_crossings"));
        for (Skill skill : SkillCatalog.NOT_YET_IMPLEMENTED) {
            assertThat(lines).anySatisfy(line -> assertThat(line).matches(skill.id() + "\\s+\\S+\\s+not yet\\s.*"));
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new WorkerCommand()).setErr(new PrintWriter(err)).execute("teleport");
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'teleport'");
    }

    @Test
    void everyCommandTakesHelpAndVersion() {
        for (String command : new String[] {"skills", "run", "analyze", "local"}) {
            for (String option : new String[] {"-h", "--help"}) {
                StringWriter out = new StringWriter();
                int exitCode = new CommandLine(new WorkerCommand()).setOut(new PrintWriter(out))
                        .execute(command, option);
                assertThat(exitCode).as(command + " " + option).isZero();
                assertThat(out.toString()).as(command + " " + option).startsWith("Usage: tracks-worker " + command);
            }
            StringWriter out = new StringWriter();
            assertThat(new CommandLine(new WorkerCommand()).setOut(new PrintWriter(out)).execute(command, "-V"))
                    .isZero();
            assertThat(out.toString()).startsWith("tracks-worker ");
        }
    }
}
