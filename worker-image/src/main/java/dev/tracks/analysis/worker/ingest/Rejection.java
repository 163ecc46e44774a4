package dev.tracks.analysis.worker.ingest;

/**
 * Why one row of an import file was not imported.
 *
 * @param location where the row is, counted as the report's {@link LocationUnit} says (line or feature index)
 * @param position for GeoJSON, the 0-based index of the position within the feature's geometry; 0 otherwise
 * @param reason what was wrong, for a person to read (e.g. {@code "lat 91.5 is outside [-90, 90]"})
 */
public record Rejection(long location, int position, String reason) {

    /** The rejection as one line, e.g. {@code "line 12: time missing"} or {@code "features[3] position 5: ..."}. */
    public String describe(LocationUnit unit) {
        return switch (unit) {
            case LINE -> "line " + location + ": " + reason;
            case FEATURE -> "features[" + location + "] position " + position + ": " + reason;
        };
    }
}
