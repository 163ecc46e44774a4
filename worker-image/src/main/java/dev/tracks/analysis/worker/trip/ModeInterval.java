package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegment;

/** A movement segment's time span and classes, as stored by transport_mode: what a tripleg's mode is taken from. */
public record ModeInterval(long startMillis, long endMillis, CoarseMode coarse, FineMode fine) {

    public static ModeInterval of(MovementSegment segment) {
        return new ModeInterval(segment.startMillis(), segment.endMillis(), segment.coarse(), segment.fine());
    }

    /** Milliseconds this interval shares with {@code [start, end]}, 0 if none. */
    long overlapMillis(long start, long end) {
        return Math.max(0, Math.min(end, endMillis) - Math.max(start, startMillis));
    }
}
