package dev.tracks.analysis.worker.ingest;

import java.sql.SQLException;

/**
 * Where {@link PointImport} puts the accepted fixes of a source's files, file by file: track_points
 * ({@link FixWriter}) or memory ({@link MemoryImport}). Either way a file is kept or dropped whole, and a fix that
 * repeats one kept before (same user, time and position) is not added again.
 */
interface ImportWriter {

    /**
     * The next file's fixes follow; {@code source} is their track_points.source (e.g. import:plt), {@code name} the
     * file's as the report gives it.
     */
    void startFile(String source, String name);

    void add(ImportedFix fix) throws SQLException;

    /** The file read last is kept: its fixes are (or will be) added. */
    void keepFile() throws SQLException;

    /** The file read last is dropped: nothing of it remains. */
    void dropFile() throws SQLException;

    /** Between two files: the writer may make what it holds durable. */
    void betweenFiles() throws SQLException;

    /** After the last file: everything kept is added. */
    void finish() throws SQLException;

    /** After a failure: nothing since the last durable point remains. */
    void abandon() throws SQLException;

    /** The fixes each file added, in file order; complete after {@link #finish()}. */
    long[] inserted();
}
