package dev.tracks.analysis.api.mirror;

import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** The service's real mirror, writing to a database of the caller's choice (for tests where it is unreachable). */
public final class TestMirror {

    private TestMirror() {
    }

    /** A mirror that is not started: only {@link TaskMirror#record} and {@link TaskMirror#idOf} are of use. */
    public static TaskMirror writingTo(KubernetesClient client, AgroalDataSource database, String namespace) {
        return new TaskMirror(client, new MirrorStore(database, changed -> { }), new SimpleMeterRegistry(), namespace,
                Duration.ofMinutes(10), Duration.ofSeconds(30), 500);
    }
}
