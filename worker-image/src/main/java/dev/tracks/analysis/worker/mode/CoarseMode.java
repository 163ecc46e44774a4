package dev.tracks.analysis.worker.mode;

/**
 * The three classes of trackintel {@code predict_transport_mode(method="simple-coarse")}
 * ({@code trackintel/analysis/labelling.py}): intervals closed on the left, so a speed of exactly
 * {@code slowMaxKmh} is already motorized and exactly {@code motorizedMaxKmh} is already fast. {@link #UNKNOWN} is for
 * a segment without a measurable speed (all its fixes share one time).
 */
public enum CoarseMode {
    SLOW_MOBILITY,
    MOTORIZED_MOBILITY,
    FAST_MOBILITY,
    UNKNOWN;

    /** The class of a speed; NaN gives {@link #UNKNOWN}. */
    public static CoarseMode of(double speedKmh, TransportModeParams params) {
        if (Double.isNaN(speedKmh)) {
            return UNKNOWN;
        }
        if (speedKmh < params.slowMaxKmh()) {
            return SLOW_MOBILITY;
        }
        return speedKmh < params.motorizedMaxKmh() ? MOTORIZED_MOBILITY : FAST_MOBILITY;
    }
}
