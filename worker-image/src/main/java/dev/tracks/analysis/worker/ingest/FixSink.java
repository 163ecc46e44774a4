package dev.tracks.analysis.worker.ingest;

import java.io.IOException;

/**
 * Receives the accepted fixes of one file in file order. The runtime's sink writes them (e.g. COPY into a staging
 * table inside a transaction); a sink that fails with an SQL error wraps it in an {@link IOException}, which ends the
 * read. Whether the file is kept is decided only at its end ({@link ImportReport#shouldImport(double)}), so a sink
 * must be able to discard what it received (roll back).
 */
@FunctionalInterface
public interface FixSink {

    void accept(ImportedFix fix) throws IOException;
}
