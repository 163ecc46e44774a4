package dev.tracks.analysis.worker.standby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.WorkerCommand;
import dev.tracks.analysis.worker.run.RunCommand;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options' environment defaults resolved from a map, as picocli resolves them from the process's environment. */
class EnvironmentDefaultsTest {

    @Test
    void templatesResolveAsPicocliResolvesThem() {
        Map<String, String> env = Map.of("SET", "v", "EMPTY", "");

        assertThat(EnvironmentDefaults.resolve("${env:SET}", env::get)).isEqualTo("v");
        assertThat(EnvironmentDefaults.resolve("${env:UNSET}", env::get)).as("a lone unset variable: no value").isNull();
        assertThat(EnvironmentDefaults.resolve("${env:UNSET:-{}}", env::get)).as("a fallback with braces").isEqualTo("{}");
        assertThat(EnvironmentDefaults.resolve("${env:EMPTY:-fallback}", env::get))
                .as("the fallback is for unset variables only, as in picocli").isEmpty();
        assertThat(EnvironmentDefaults.resolve("${env:UNSET:-}/${env:SET:-}", env::get)).isEqualTo("/v");
        assertThat(EnvironmentDefaults.resolve("${env:UNSET:-${env:SET}}", env::get)).isEqualTo("v");
    }

    /** The run command's options take the received values, JSON with a "${" included, and their fallbacks. */
    @Test
    void theRunCommandTakesItsOptionsFromTheReceivedEnvironment() {
        UUID task = UUID.randomUUID();
        Map<String, String> received = Map.of("TRACKS_SKILL", "stay_detection", "TRACKS_TASK_UID", task.toString(),
                "TRACKS_PARAMS", "{\"label\":\"${not a variable}\"}", "TRACKS_BATCH_SIZE", "250");
        CommandLine commandLine = WorkerCommand.commandLine();
        EnvironmentDefaults.install(commandLine, received::get);

        CommandLine.ParseResult parsed = commandLine.parseArgs("run");
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();

        assertThat(parsed.subcommand().matchedOptionValue("--skill", "")).as("not given on the command line").isEmpty();
        assertThat(run).extracting("skill", "taskUid", "params", "batchSize", "mode", "scope")
                .containsExactly("stay_detection", task, "{\"label\":\"${not a variable}\"}", 250, "INCREMENTAL", "{}");
    }
}
