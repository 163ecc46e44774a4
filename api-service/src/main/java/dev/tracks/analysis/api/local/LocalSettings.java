package dev.tracks.analysis.api.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The local mode's settings ({@code tracks.local.*}); see application.properties for the defaults. */
@ConfigMapping(prefix = "tracks.local")
public interface LocalSettings {

    /** The worker's command line: the environment tells it its task, as in a worker pod. */
    List<String> workerCommand();

    /** Where each attempt's output and failure reason go. */
    String logDir();

    /** At most this many workers at a time (the operator's maxRunning). */
    @WithDefault("2")
    int maxRunning();

    /**
     * How many worker processes to keep started ahead of need and reuse, attempt after attempt (see StandbyWorkers):
     * as many as maxRunning lets every attempt skip a JVM's start and run warm code. 0 starts a fresh worker for every
     * attempt. Each idle worker holds a JVM (about 60 MB resident before its first attempt).
     */
    @WithDefault("2")
    int standbyWorkers();

    /**
     * How often the controller decides at least: a safety net, as rounds run at once when an attempt ends, a task is
     * created or cancelled, or a retry or deadline is due.
     */
    @WithDefault("10s")
    Duration tick();

    /** How long a stopped worker gets between SIGTERM and SIGKILL. */
    @WithDefault("20s")
    Duration stopGrace();
}
