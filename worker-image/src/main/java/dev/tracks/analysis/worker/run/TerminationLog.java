package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.task.WorkerContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the one-line failure reason to /dev/termination-log, where Kubernetes picks it up as the container's
 * termination message (the operator shows it in the task's status), or to the file that
 * {@link WorkerContract#ENV_TERMINATION_LOG} names (the local mode reads it from there). Absent or read-only outside a
 * pod: then the log line alone says it.
 */
final class TerminationLog {

    /** A file the caller named: written even if it does not exist yet (the pod's file always exists). */
    private static final String NAMED = System.getenv(WorkerContract.ENV_TERMINATION_LOG);
    private static final Path PATH = Path.of(NAMED != null ? NAMED : "/dev/termination-log");
    /** Kubernetes keeps at most 4096 bytes of a termination message. */
    private static final int MAX_CHARS = 4000;

    private TerminationLog() {
    }

    static void write(String reason) {
        String line = reason.replace('\n', ' ');
        if (line.length() > MAX_CHARS) {
            line = line.substring(0, MAX_CHARS);
        }
        if (NAMED != null || Files.isWritable(PATH)) {
            try {
                Files.writeString(PATH, line, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // The reason is on stderr as well.
            }
        }
    }
}
