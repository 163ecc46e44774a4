package dev.tracks.analysis.worker.standby;

import java.util.Map;

/**
 * The environment a worker runs with: its process's own, with what a standby worker received on stdin over it (see
 * {@link Standby}). Code that reads a variable of the worker contract at run time asks here, not
 * {@link System#getenv}; the options' {@code ${env:...}} defaults get the same view through {@link EnvironmentDefaults}.
 */
public final class WorkerEnvironment {

    private static volatile Map<String, String> received = Map.of();

    private WorkerEnvironment() {
    }

    /** The variable's value, or null when it is set nowhere. */
    public static String get(String name) {
        String value = received.get(name);
        return value != null ? value : System.getenv(name);
    }

    static void receive(Map<String, String> environment) {
        received = Map.copyOf(environment);
    }
}
