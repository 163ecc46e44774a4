package dev.tracks.analysis.worker.outlier;

/**
 * A flagged fix. Flagged fixes are kept in the data; downstream skills skip them.
 *
 * @param fixId the fix's id
 * @param timeMillis the fix's time (epoch milliseconds)
 * @param reason why it is flagged (one reason per fix, see {@link OutlierReason} for the precedence)
 */
public record OutlierFlag(long fixId, long timeMillis, OutlierReason reason) {
}
