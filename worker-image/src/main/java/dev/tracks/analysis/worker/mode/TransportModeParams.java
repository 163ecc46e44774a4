package dev.tracks.analysis.worker.mode;

/**
 * Parameters of the transport_mode skill, bound by name from the skill catalog
 * ({@code BehaviorSkills}), which also requires {@code slowMaxKmh < motorizedMaxKmh}.
 *
 * @param slowMaxKmh below this median speed a segment is slow mobility (trackintel "simple-coarse": 15 km/h)
 * @param motorizedMaxKmh below this median speed, and at or above {@code slowMaxKmh}, a segment is motorized
 *     mobility; at or above it, fast mobility (trackintel: 100 km/h)
 * @param minSegmentSeconds a change of mode that lasts shorter than this is merged into the segment it interrupts
 */
public record TransportModeParams(double slowMaxKmh, double motorizedMaxKmh, int minSegmentSeconds) {

    long minSegmentMillis() {
        return minSegmentSeconds * 1000L;
    }
}
