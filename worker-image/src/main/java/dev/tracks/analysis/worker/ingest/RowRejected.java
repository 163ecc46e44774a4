package dev.tracks.analysis.worker.ingest;

/**
 * Thrown while parsing one row to reject it; the reader catches it, reports the message with the row's location and
 * goes on with the next row. It has no stack trace: rejecting a row is an expected outcome, not a bug.
 */
final class RowRejected extends RuntimeException {

    RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
