package dev.tracks.analysis.worker.stay;

/**
 * Parameters of stay detection, named, unit-ed and defaulted exactly as the skill catalog's {@code stay_detection}
 * (the defaults of trackintel {@code generate_staypoints(method="sliding")}).
 *
 * @param distThresholdMeters a fix at this distance or more from the window's first fix closes the window (> 0)
 * @param timeThresholdMinutes minimum duration of a stay, from its first fix to the first fix outside it (> 0)
 * @param gapThresholdMinutes a gap between consecutive fixes longer than this restarts the window, so a stay never
 *     spans it (> 0)
 * @param includeLast keep the last, still open window as a (provisional) stay when it lasts long enough
 */
public record StayParameters(double distThresholdMeters, double timeThresholdMinutes, double gapThresholdMinutes,
        boolean includeLast) {

    public StayParameters {
        requirePositive("distThresholdMeters", distThresholdMeters);
        requirePositive("timeThresholdMinutes", timeThresholdMinutes);
        requirePositive("gapThresholdMinutes", gapThresholdMinutes);
    }

    /** The catalog defaults: 100 m, 5 min, 15 min, the last window dropped. */
    public static StayParameters defaults() {
        return new StayParameters(100, 5, 15, false);
    }

    /** The same parameters with {@code includeLast} set. */
    public StayParameters withIncludeLast(boolean include) {
        return new StayParameters(distThresholdMeters, timeThresholdMinutes, gapThresholdMinutes, include);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
