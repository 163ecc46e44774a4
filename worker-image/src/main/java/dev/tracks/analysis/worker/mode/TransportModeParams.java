package dev.tracks.analysis.worker.mode;

/**
 * Parameters of the transport_mode skill, named and defaulted as in the skill catalog ({@code BehaviorSkills}).
 *
 * @param slowMaxKmh below this median speed a segment is slow mobility (trackintel "simple-coarse": 15 km/h)
 * @param motorizedMaxKmh below this median speed, and at or above {@code slowMaxKmh}, a segment is motorized
 *     mobility; at or above it, fast mobility (trackintel: 100 km/h)
 * @param minSegmentSeconds a change of mode that lasts shorter than this is merged into the segment it interrupts
 */
public record TransportModeParams(double slowMaxKmh, double motorizedMaxKmh, int minSegmentSeconds) {

    public TransportModeParams {
        if (!(slowMaxKmh > 0 && slowMaxKmh < motorizedMaxKmh)) {
            throw new IllegalArgumentException("need 0 < slowMaxKmh < motorizedMaxKmh, got " + slowMaxKmh + ", "
                    + motorizedMaxKmh);
        }
        if (minSegmentSeconds < 1) {
            throw new IllegalArgumentException("minSegmentSeconds must be positive, got " + minSegmentSeconds);
        }
    }

    /** The catalog defaults: 15 km/h, 100 km/h, 60 s. */
    public static TransportModeParams defaults() {
        return new TransportModeParams(15, 100, 60);
    }

    long minSegmentMillis() {
        return minSegmentSeconds * 1000L;
    }
}
