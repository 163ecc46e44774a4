package dev.tracks.analysis.worker.outlier;

/**
 * Why a fix is flagged. A fix gets one reason: the first of this list that applies (declaration order is the
 * precedence), because each rule looks only at the fixes the rules before it left clean.
 */
public enum OutlierReason {
    /** The reported accuracy radius is known and larger than {@code maxAccuracyMeters}. */
    LOW_ACCURACY,
    /** The same time as the previous fix that is not LOW_ACCURACY (the first fix of each time is kept). */
    DUPLICATE_TIME,
    /** Part of a spike: reached and left at impossible speed, alone or as a short run whose neighbours agree. */
    JUMP,
    /** At the start or end of the track, reached or left at impossible speed from a longer consistent stretch. */
    SPEED,
    /** Scattered beyond {@code driftRadiusMeters} from the centre of the fixes around it while stationary. */
    DRIFT,
    /** An out-and-back spike at possible speed: a sharp turn with both legs much longer than the steps around. */
    BACKTRACK
}
