package dev.tracks.analysis.worker.ingest;

/**
 * One fix read from an import file, in the units of {@code track_points}. Readers hand these to a {@link FixSink} one
 * at a time, so that no file is ever held whole in memory.
 *
 * @param userId the user the fix belongs to (track_points.user_id, 1 to 128 characters)
 * @param epochMillis the time the fix was recorded, milliseconds since the epoch (UTC)
 * @param lat latitude in degrees, WGS84, in [-90, 90]
 * @param lon longitude in degrees, WGS84, in [-180, 180]
 * @param altitudeMeters altitude in metres, NaN when unknown
 * @param accuracyMeters horizontal accuracy radius in metres (>= 0), NaN when unknown
 * @param speedMetersPerSecond speed in m/s (>= 0), NaN when unknown
 * @param headingDegrees heading in degrees in [0, 360), NaN when unknown
 * @param label a transport-mode label given with the fix (track_points.label_mode), or null
 */
public record ImportedFix(String userId, long epochMillis, double lat, double lon, double altitudeMeters,
                          double accuracyMeters, double speedMetersPerSecond, double headingDegrees, String label) {

    /** A fix with only a position, a time and an altitude, as GeoLife PLT files carry them. */
    public static ImportedFix of(String userId, long epochMillis, double lat, double lon, double altitudeMeters) {
        return new ImportedFix(userId, epochMillis, lat, lon, altitudeMeters, Double.NaN, Double.NaN, Double.NaN,
                null);
    }
}
