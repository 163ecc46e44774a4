package dev.tracks.analysis.worker.speed;

import java.util.Locale;

/** Whether an event is faster than the threshold or slower than the floor; {@link #column()} is its stored name. */
public enum SpeedKind {
    FAST,
    SLOW;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
