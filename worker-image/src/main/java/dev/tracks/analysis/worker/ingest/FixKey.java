package dev.tracks.analysis.worker.ingest;

/**
 * What makes two fixes the same fix for data_import: user, time (microseconds, the precision of
 * {@code track_points.recorded_at}) and position. An import never stores two fixes with the same key.
 */
record FixKey(String userId, long epochMicros, double lat, double lon) {

    FixKey {
        // + 0.0 turns -0.0 into 0.0: PostgreSQL compares them equal, and so must the key
        lat += 0.0;
        lon += 0.0;
    }

    static FixKey of(ImportedFix fix) {
        return new FixKey(fix.userId(), fix.epochMillis() * 1000, fix.lat(), fix.lon());
    }
}
