package dev.tracks.analysis.worker.timeaxis;

import java.util.Locale;

/** What the user did in a time bin. */
public enum AxisState {
    /** At a stay: stays cover at least half of the bin, or the bin has stay time and no fix outside a stay. */
    STAY,
    /** On the move: a fix outside every stay, and stays cover less than half of the bin. */
    MOVE,
    /** Nothing recorded: no fix and no stay in the bin. */
    GAP;

    /** The value of the {@code state} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
