package dev.tracks.analysis.worker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure reason as Kubernetes keeps it: one line, at most 4000 characters, only where a file may be written. */
class TerminationLogTest {

    @TempDir
    Path directory;

    @Test
    void theReasonIsOneLineCutToWhatKubernetesKeeps() throws IOException {
        Path log = directory.resolve("termination-log");
        TerminationLog.write(log, true, "feature 3: ring is not closed\n(nothing was loaded)");
        assertThat(Files.readString(log)).isEqualTo("feature 3: ring is not closed (nothing was loaded)");
        TerminationLog.write(log, true, "x".repeat(10_000));
        assertThat(Files.readString(log)).hasSize(TerminationLog.MAX_CHARS);
    }

    @Test
    void outsideAPodNoFileIsCreated() {
        Path absent = directory.resolve("dev-termination-log");
        TerminationLog.write(absent, false, "reason");
        assertThat(absent).doesNotExist();
    }
}
