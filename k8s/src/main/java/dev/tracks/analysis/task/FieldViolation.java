package dev.tracks.analysis.task;

/**
 * One invalid field of an AnalysisTask: its path (e.g. {@code spec.params.distThresholdMeters}) and what is allowed.
 */
public record FieldViolation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
