package dev.tracks.analysis.worker.ingest;

import java.time.ZoneId;

/**
 * How the readers interpret and check a file, beyond the catalog parameters of data_import (which has no parameters
 * for these yet; the defaults suit the common layouts).
 *
 * @param fieldNames which CSV column / GeoJSON property holds which field
 * @param zone the zone of CSV/GeoJSON times written without an offset (e.g. posmo's {@code 2019-01-25 20:00:16});
 *     null rejects such rows, because guessing a zone would shift every fix silently. GPX and PLT times are UTC by
 *     their specifications and ignore this.
 * @param maxDetailedRejections how many rejections the report keeps in detail (all are counted)
 * @param duplicateWindow how many recent fixes a new fix is compared with to drop identical ones
 * @param minAltitudeMeters rows with a known altitude below this are rejected (default: no limit)
 * @param maxAltitudeMeters rows with a known altitude above this are rejected (default: no limit)
 */
public record ReaderOptions(FieldNames fieldNames, ZoneId zone, int maxDetailedRejections, int duplicateWindow,
                            double minAltitudeMeters, double maxAltitudeMeters) {

    public ReaderOptions {
        if (maxDetailedRejections < 0 || duplicateWindow < 1) {
            throw new IllegalArgumentException("maxDetailedRejections must be >= 0 and duplicateWindow >= 1");
        }
    }

    public static ReaderOptions defaults() {
        return new ReaderOptions(FieldNames.defaults(), null, 1000, 1024, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    public ReaderOptions withFieldNames(FieldNames names) {
        return new ReaderOptions(names, zone, maxDetailedRejections, duplicateWindow, minAltitudeMeters,
                maxAltitudeMeters);
    }

    public ReaderOptions withZone(ZoneId localZone) {
        return new ReaderOptions(fieldNames, localZone, maxDetailedRejections, duplicateWindow, minAltitudeMeters,
                maxAltitudeMeters);
    }

    public ReaderOptions withAltitudeRange(double minMeters, double maxMeters) {
        return new ReaderOptions(fieldNames, zone, maxDetailedRejections, duplicateWindow, minMeters, maxMeters);
    }

    public ReaderOptions withMaxDetailedRejections(int max) {
        return new ReaderOptions(fieldNames, zone, max, duplicateWindow, minAltitudeMeters, maxAltitudeMeters);
    }
}
