package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate every parsed row of one file passes: it checks the fix against the columns of {@code track_points},
 * drops duplicates, hands the rest to the sink and counts everything for the {@link ImportReport}.
 *
 * <p>Checks that reject the row: user id present and at most 128 characters; no NUL character in the user id or
 * label (text columns cannot hold one); lat in [-90, 90] and lon in [-180, 180] (closed ranges, as the table's
 * CHECK constraints); the time inside the plausible {@link FixTimeWindow}; a known altitude finite and within the
 * configured range. Every reader's rows pass here, so what passes is storable: PostgreSQL rejecting a row would fail
 * the whole import. Optional values outside the table's domain are not errors of the position and become unknown
 * instead: a negative speed or accuracy (devices write -1 for "unknown") becomes NaN, and a finite heading is
 * wrapped into [0, 360) (-10 is 350).
 */
final class ImportGate {

    private static final int MAX_USER_ID_LENGTH = 128;

    private final LocationUnit unit;
    private final ReaderOptions options;
    private final FixSink sink;
    private final RecentFixKeys recent;
    private final List<Rejection> rejections = new ArrayList<>();
    private long accepted;
    private long duplicates;
    private long rejected;
    private Rejection failure;

    ImportGate(LocationUnit unit, ReaderOptions options, FixSink sink) {
        this.unit = unit;
        this.options = options;
        this.sink = sink;
        this.recent = new RecentFixKeys(options.duplicateWindow());
    }

    ReaderOptions options() {
        return options;
    }

    /** Checks a parsed row and passes it on unless it is invalid or a duplicate. */
    void offer(long location, int position, ImportedFix fix) throws IOException {
        String problem = problemOf(fix);
        if (problem != null) {
            reject(location, position, problem);
            return;
        }
        ImportedFix normalized = normalized(fix);
        if (!recent.add(normalized)) {
            duplicates++;
            return;
        }
        accepted++;
        sink.accept(normalized);
    }

    /** Counts a row that could not be parsed. */
    void reject(long location, int position, String reason) {
        rejected++;
        if (rejections.size() < options.maxDetailedRejections()) {
            rejections.add(new Rejection(location, position, reason));
        }
    }

    /** Records why the rest of the file cannot be read; the report then rejects the file whole. */
    void fail(long location, String reason) {
        if (failure == null) {
            failure = new Rejection(location, 0, reason);
        }
    }

    ImportReport report() {
        return new ImportReport(unit, accepted + duplicates + rejected, accepted, duplicates, rejected, rejections,
                failure);
    }

    private String problemOf(ImportedFix fix) {
        String user = fix.userId();
        if (user == null || user.isBlank()) {
            return "user id missing";
        }
        if (user.length() > MAX_USER_ID_LENGTH) {
            return "user id longer than " + MAX_USER_ID_LENGTH + " characters";
        }
        // PostgreSQL's text cannot hold NUL (a binary or UTF-16 file read as text): COPY would fail the import
        if (user.indexOf('\0') >= 0) {
            return "user id contains a NUL character";
        }
        if (fix.label() != null && fix.label().indexOf('\0') >= 0) {
            return "label contains a NUL character";
        }
        if (!(fix.lat() >= -90 && fix.lat() <= 90)) {
            return "lat " + fix.lat() + " is outside [-90, 90]";
        }
        if (!(fix.lon() >= -180 && fix.lon() <= 180)) {
            return "lon " + fix.lon() + " is outside [-180, 180]";
        }
        String implausibleTime = options.timeWindow().problemWith(fix.epochMillis());
        if (implausibleTime != null) {
            return implausibleTime;
        }
        double altitude = fix.altitudeMeters();
        if (Double.isInfinite(altitude)) {
            return "altitude is not finite";
        }
        if (altitude < options.minAltitudeMeters() || altitude > options.maxAltitudeMeters()) {
            return "altitude " + altitude + " m is outside [" + options.minAltitudeMeters() + ", "
                    + options.maxAltitudeMeters() + "]";
        }
        return null;
    }

    private static ImportedFix normalized(ImportedFix fix) {
        double accuracy = nonNegativeOrUnknown(fix.accuracyMeters());
        double speed = nonNegativeOrUnknown(fix.speedMetersPerSecond());
        double heading = Double.isFinite(fix.headingDegrees()) ? wrapDegrees(fix.headingDegrees()) : Double.NaN;
        if (same(accuracy, fix.accuracyMeters()) && same(speed, fix.speedMetersPerSecond())
                && same(heading, fix.headingDegrees())) {
            return fix;
        }
        return new ImportedFix(fix.userId(), fix.epochMillis(), fix.lat(), fix.lon(), fix.altitudeMeters(), accuracy,
                speed, heading, fix.label());
    }

    private static double nonNegativeOrUnknown(double value) {
        return value >= 0 && value != Double.POSITIVE_INFINITY ? value : Double.NaN;
    }

    private static double wrapDegrees(double degrees) {
        double wrapped = degrees % 360;
        wrapped = wrapped < 0 ? wrapped + 360 : wrapped;
        // -1e-20 % 360 + 360 rounds to 360.0, which is outside [0, 360)
        return wrapped >= 360 ? 0 : wrapped;
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }
}
