package dev.tracks.analysis.worker.ingest;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillParams;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * How the readers interpret and check a file: data_import's plausible time window, and what the catalog has no
 * parameters for yet (the defaults suit the common layouts).
 *
 * @param fieldNames which CSV column / GeoJSON property holds which field
 * @param zone the zone of CSV/GeoJSON times written without an offset (e.g. posmo's {@code 2019-01-25 20:00:16});
 *     null rejects such rows, because guessing a zone would shift every fix silently. GPX and PLT times are UTC by
 *     their specifications and ignore this.
 * @param maxDetailedRejections how many rejections the report keeps in detail (all are counted)
 * @param duplicateWindow how many recent fixes a new fix is compared with to drop identical ones
 * @param minAltitudeMeters rows with a known altitude below this are rejected (default: no limit)
 * @param maxAltitudeMeters rows with a known altitude above this are rejected (default: no limit)
 * @param timeWindow rows recorded outside it are rejected
 */
public record ReaderOptions(FieldNames fieldNames, ZoneId zone, int maxDetailedRejections, int duplicateWindow,
                            double minAltitudeMeters, double maxAltitudeMeters, FixTimeWindow timeWindow) {

    public ReaderOptions {
        if (maxDetailedRejections < 0 || duplicateWindow < 1) {
            throw new IllegalArgumentException("maxDetailedRejections must be >= 0 and duplicateWindow >= 1");
        }
    }

    /** The options of an import that starts at {@code now} with data_import's parameters. */
    public static ReaderOptions of(DataImportParams params, Instant now) {
        return new ReaderOptions(FieldNames.defaults(), null, 1000, 1024, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, FixTimeWindow.of(params, now));
    }

    /** The options of an import with data_import's default parameters that starts now (for tests and benchmarks). */
    public static ReaderOptions defaults() {
        // source is required, and no other parameter depends on it
        DataImportParams catalogDefaults = SkillParams.resolve(Skill.DATA_IMPORT, Map.of("source", "-"))
                .bind(DataImportParams.class);
        return of(catalogDefaults, Instant.now());
    }

    public ReaderOptions withFieldNames(FieldNames names) {
        return new ReaderOptions(names, zone, maxDetailedRejections, duplicateWindow, minAltitudeMeters,
                maxAltitudeMeters, timeWindow);
    }

    public ReaderOptions withZone(ZoneId localZone) {
        return new ReaderOptions(fieldNames, localZone, maxDetailedRejections, duplicateWindow, minAltitudeMeters,
                maxAltitudeMeters, timeWindow);
    }

    public ReaderOptions withAltitudeRange(double minMeters, double maxMeters) {
        return new ReaderOptions(fieldNames, zone, maxDetailedRejections, duplicateWindow, minMeters, maxMeters,
                timeWindow);
    }

    public ReaderOptions withTimeWindow(FixTimeWindow window) {
        return new ReaderOptions(fieldNames, zone, maxDetailedRejections, duplicateWindow, minAltitudeMeters,
                maxAltitudeMeters, window);
    }

    public ReaderOptions withMaxDetailedRejections(int max) {
        return new ReaderOptions(fieldNames, zone, max, duplicateWindow, minAltitudeMeters, maxAltitudeMeters,
                timeWindow);
    }
}
