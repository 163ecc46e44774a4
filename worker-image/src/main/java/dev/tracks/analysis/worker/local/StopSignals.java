package dev.tracks.analysis.worker.local;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM as a request to stop, handled by the main thread in order: the API service first (it stops its
 * workers), then PostgreSQL. Not a shutdown hook: the embedded PostgreSQL registers its own hook, and hooks run
 * concurrently, so PostgreSQL would stop under the still running workers. A second signal exits at once.
 */
final class StopSignals {

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Not listening to signals yet: {@link #install} does, a test requests by hand. */
    StopSignals() {
    }

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> signals.receive(128 + signal.getNumber()));
        }
        return signals;
    }

    private void receive(int exitCode) {
        if (requested()) {
            System.exit(exitCode);
        }
        request();
    }

    void request() {
        requested.countDown();
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code timeout} for a stop request; true if one came. */
    boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
