package dev.tracks.analysis.worker.failure;

import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.standby.WorkerEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the one-line failure reason of a command run as a Kubernetes Job (a task's {@code run}, a chart's
 * {@code reference load}) to /dev/termination-log, where Kubernetes picks it up as the container's termination
 * message (the operator shows it in the task's status; {@code kubectl get pod -o yaml} shows it for any Job), or to
 * the file that {@link WorkerContract#ENV_TERMINATION_LOG} names (the local mode reads it from there). Absent or
 * read-only outside a pod: then the line on stderr alone says it.
 */
public final class TerminationLog {

    private static final Path IN_A_POD = Path.of("/dev/termination-log");
    /** Kubernetes keeps at most 4096 bytes of a termination message. */
    static final int MAX_CHARS = 4000;

    private TerminationLog() {
    }

    /** Writes {@code reason} where this process's environment says. */
    public static void write(String reason) {
        // A file the caller named is written even if it does not exist yet (the pod's file always exists). Read at
        // the time of writing: a standby worker's environment comes after its start.
        String named = WorkerEnvironment.get(WorkerContract.ENV_TERMINATION_LOG);
        write(named != null ? Path.of(named) : IN_A_POD, named != null, reason);
    }

    /**
     * Writes {@code reason} as one line of at most {@value #MAX_CHARS} characters to {@code path}: always when
     * {@code named}, else only if the file is there to write.
     */
    static void write(Path path, boolean named, String reason) {
        String line = reason.replace('\n', ' ');
        if (line.length() > MAX_CHARS) {
            line = line.substring(0, MAX_CHARS);
        }
        if (named || Files.isWritable(path)) {
            try {
                Files.writeString(path, line, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // The reason is on stderr as well.
            }
        }
    }
}
