package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one file of one format, streaming: every valid fix goes to the sink as soon as its row is parsed, so memory
 * does not grow with the file. Malformed rows are counted and reported with their location; a malformed file
 * (broken XML or JSON, a CSV without a latitude column) ends the read with {@link ImportReport#failure()} set.
 */
public interface FixReader {

    /**
     * Reads {@code in} to its end (or to a failure). The stream is not closed.
     *
     * @param userId the user of every fix, or null when the file names its users (a CSV user column, a GeoJSON
     *     user property); when given it wins over the file's own user fields
     * @throws IOException if reading the stream or the sink fails
     */
    ImportReport read(InputStream in, String userId, ReaderOptions options, FixSink sink) throws IOException;
}
