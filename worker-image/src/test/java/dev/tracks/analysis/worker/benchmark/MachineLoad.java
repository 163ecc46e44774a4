package dev.tracks.analysis.worker.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load, printed by every benchmark at its start and end: its figures are read against it. */
public final class MachineLoad {

    private MachineLoad() {
    }

    /** /proc/loadavg as it is (1, 5 and 15 minute averages, runnable/all tasks, last pid), or "unknown". */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
