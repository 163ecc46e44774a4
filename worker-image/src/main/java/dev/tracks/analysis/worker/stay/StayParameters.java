package dev.tracks.analysis.worker.stay;

/**
 * Parameters of stay detection, bound by name from the skill catalog's {@code stay_detection}, whose defaults
 * are those of trackintel {@code generate_staypoints(method="sliding")}.
 *
 * @param distThresholdMeters a fix at this distance or more from the window's first fix closes the window (> 0)
 * @param timeThresholdMinutes minimum duration of a stay, from its first fix to the first fix outside it (> 0)
 * @param gapThresholdMinutes a gap between consecutive fixes longer than this restarts the window, so a stay never
 *     spans it (> 0)
 * @param includeLast keep the last, still open window as a (provisional) stay when it lasts long enough
 */
public record StayParameters(double distThresholdMeters, double timeThresholdMinutes, double gapThresholdMinutes,
        boolean includeLast) {

    /** The same parameters with {@code includeLast} set. */
    public StayParameters withIncludeLast(boolean include) {
        return new StayParameters(distThresholdMeters, timeThresholdMinutes, gapThresholdMinutes, include);
    }
}
