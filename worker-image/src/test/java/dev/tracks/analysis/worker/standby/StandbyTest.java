package dev.tracks.analysis.worker.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.WorkerCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM started as a standby (a real process of this module's classes): it runs with the environment it
 * reads from stdin, termination log included, and gives up with the not-retryable code when the input ends empty.
 */
class StandbyTest {

    @TempDir
    Path dir;

    @Test
    void entriesAreNameEqualsValueEachEndedByANul() {
        assertThat(Standby.parse("A=1\0B=x=y\0C=\0".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"), Map.entry("C", ""));
        assertThatThrownBy(() -> Standby.parse("A=1\0B=2".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("last entry is not ended by a NUL byte");
        assertThatThrownBy(() -> Standby.parse("=1\0".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not NAME=value: '=1'");
    }

    /** The skill and the termination log's place come on stdin; the failure lands where they said. */
    @Test
    void aStandbyRunsWithTheEnvironmentItReceives() throws Exception {
        Path reason = dir.resolve("attempt.reason");
        Process standby = standby();
        assertThat(standby.waitFor(300, TimeUnit.MILLISECONDS)).as("it waits for its attempt").isFalse();

        try (OutputStream stdin = standby.getOutputStream()) {
            stdin.write(("TRACKS_SKILL=no_such_skill\0" + WorkerContract.ENV_TERMINATION_LOG + "=" + reason + "\0")
                    .getBytes(StandardCharsets.UTF_8));
        }

        assertThat(standby.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(standby.exitValue()).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(Files.readString(reason)).startsWith("skill: unknown skill 'no_such_skill'; known: [");
    }

    @Test
    void aStandbyWhoseInputEndsEmptyExitsNotRetryable() throws Exception {
        Process standby = standby();
        standby.getOutputStream().close();

        assertThat(standby.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(standby.exitValue()).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(new String(standby.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("standby: the input ended before an attempt's environment came");
    }

    private Process standby() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), WorkerCommand.class.getName(), "run"))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("TRACKS_"));
        builder.environment().put(WorkerContract.ENV_STANDBY, "1");
        return builder.start();
    }
}
