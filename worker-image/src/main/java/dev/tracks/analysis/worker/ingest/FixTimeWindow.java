package dev.tracks.analysis.worker.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The times a fix may plausibly have been recorded at: from 1 January of data_import's {@code earliestYear} (UTC) to
 * {@code maxFutureHours} after the import started. A time outside it (a device clock never set, year 0001 or 9999,
 * an epoch number in the wrong unit) rejects its row like any other bad value, with its location, instead of
 * reaching PostgreSQL, which cannot store some of them and would fail the whole import.
 *
 * @param earliestMillis the first plausible time, epoch milliseconds (inclusive)
 * @param latestMillis the last plausible time, epoch milliseconds (inclusive)
 */
public record FixTimeWindow(long earliestMillis, long latestMillis) {

    public FixTimeWindow {
        if (earliestMillis > latestMillis) {
            throw new IllegalArgumentException("the window ends (" + Instant.ofEpochMilli(latestMillis)
                    + ") before it begins (" + Instant.ofEpochMilli(earliestMillis) + ")");
        }
    }

    /** The window of an import that starts at {@code now}. */
    public static FixTimeWindow of(int earliestYear, int maxFutureHours, Instant now) {
        long earliest = LocalDate.of(earliestYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return new FixTimeWindow(earliest, now.plus(Duration.ofHours(maxFutureHours)).toEpochMilli());
    }

    /** The window data_import's parameters give an import that starts at {@code now}. */
    public static FixTimeWindow of(DataImportParams params, Instant now) {
        return of(params.earliestYear(), params.maxFutureHours(), now);
    }

    /** Why a fix recorded at {@code epochMillis} is implausible, or null if it is inside the window. */
    String problemWith(long epochMillis) {
        if (epochMillis >= earliestMillis && epochMillis <= latestMillis) {
            return null;
        }
        return "time " + Instant.ofEpochMilli(epochMillis) + " is outside the plausible window ["
                + Instant.ofEpochMilli(earliestMillis) + ", " + Instant.ofEpochMilli(latestMillis)
                + "] (params earliestYear and maxFutureHours)";
    }
}
