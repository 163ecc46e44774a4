package dev.tracks.analysis.worker.extreme;

/**
 * One record of a user: its value in the kind's unit, when and where it happened.
 *
 * @param referenceId the fix (a fix or the first fix of a step) or the trip (trip records) it was found at
 */
public record ExtremeEvent(ExtremeKind kind, double value, long millis, double lat, double lon, long referenceId) {
}
