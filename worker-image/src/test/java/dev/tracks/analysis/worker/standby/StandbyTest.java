package dev.tracks.analysis.worker.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.WorkerCommand;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * A worker JVM started as a standby (a real process of this module's classes) takes attempts in turn: each runs with
 * the environment it reads from stdin alone (the termination log and the output log included) and its end is reported
 * on stdout; the end of stdin ends the process.
 */
class StandbyTest {

    @TempDir
    Path dir;

    @Test
    void anEnvironmentIsNameEqualsValueEntriesEachEndedByANulThenAnEmptyOne() throws IOException {
        ByteArrayInputStream input = bytes("A=1\0B=x=y\0C=\0\0D=4\0\0");
        assertThat(Standby.next(input)).contains(Map.of("A", "1", "B", "x=y", "C", ""));
        assertThat(Standby.next(input)).contains(Map.of("D", "4"));
        assertThat(Standby.next(input)).as("the end of the input").isEmpty();

        assertThatThrownBy(() -> Standby.next(bytes("A=1\0B=2"))).hasMessageContaining("ended within an attempt");
        assertThatThrownBy(() -> Standby.next(bytes("=1\0\0"))).hasMessageContaining("not NAME=value: '=1'");
    }

    /**
     * Two attempts in one process: the first fails on its skill (the reason where its environment said), the second
     * is told nothing of the first's variables (so it lacks a skill) and writes its own log; then stdin ends.
     */
    @Test
    void aStandbyTakesAttemptsInTurnEachWithItsOwnEnvironment() throws Exception {
        Process standby = standby();
        BufferedReader control = new BufferedReader(new InputStreamReader(standby.getInputStream(),
                StandardCharsets.UTF_8));
        OutputStream stdin = standby.getOutputStream();
        assertThat(standby.waitFor(300, TimeUnit.MILLISECONDS)).as("it waits for an attempt").isFalse();

        stdin.write(WorkerContract.standbyAttempt(Map.of("TRACKS_SKILL", "no_such_skill",
                WorkerContract.ENV_TERMINATION_LOG, dir.resolve("first.reason").toString(),
                WorkerContract.ENV_ATTEMPT_LOG, dir.resolve("first.log").toString())));
        stdin.flush();
        assertThat(control.readLine()).isEqualTo(WorkerContract.STANDBY_EXIT + WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(Files.readString(dir.resolve("first.reason"))).startsWith("skill: unknown skill 'no_such_skill'");
        assertThat(Files.readString(dir.resolve("first.log"))).contains("tracks-worker: skill: unknown skill");

        stdin.write(WorkerContract.standbyAttempt(Map.of(WorkerContract.ENV_TERMINATION_LOG, dir.resolve("second.reason").toString(),
                WorkerContract.ENV_ATTEMPT_LOG, dir.resolve("second.log").toString())));
        stdin.flush();
        assertThat(control.readLine()).isEqualTo(WorkerContract.STANDBY_EXIT + WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(Files.readString(dir.resolve("second.reason")))
                .isEqualTo("skill: required (--skill or TRACKS_SKILL)");
        assertThat(Files.readString(dir.resolve("second.log"))).doesNotContain("no_such_skill");

        stdin.close();
        assertThat(standby.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(standby.exitValue()).isZero();
    }

    @Test
    void anAttemptWithoutALogIsRefused() throws Exception {
        Process standby = standby();
        try (OutputStream stdin = standby.getOutputStream()) {
            stdin.write(WorkerContract.standbyAttempt(Map.of("TRACKS_SKILL", "stay_detection")));
        }
        String control = new String(standby.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(control).isEqualTo(WorkerContract.STANDBY_EXIT + WorkerContract.EXIT_NOT_RETRYABLE + "\n");
        assertThat(new String(standby.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("the attempt's environment has no " + WorkerContract.ENV_ATTEMPT_LOG);
        assertThat(standby.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Process standby() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), WorkerCommand.class.getName(), "run"));
        builder.environment().keySet().removeIf(name -> name.startsWith("TRACKS_"));
        builder.environment().put(WorkerContract.ENV_STANDBY, "1");
        return builder.start();
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
