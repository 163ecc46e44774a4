package dev.tracks.analysis.worker.mode;

/**
 * A movement segment's time span and classes, as transport_mode stored it (see {@link MovementSegmentsTable#read}):
 * what a tripleg's mode is taken from.
 */
public record ModeInterval(long startMillis, long endMillis, CoarseMode coarse, FineMode fine) {

    public static ModeInterval of(MovementSegment segment) {
        return new ModeInterval(segment.startMillis(), segment.endMillis(), segment.coarse(), segment.fine());
    }

    /** Milliseconds this interval shares with {@code [start, end]}, 0 if none. */
    public long overlapMillis(long start, long end) {
        return Math.max(0, Math.min(end, endMillis) - Math.max(start, startMillis));
    }
}
