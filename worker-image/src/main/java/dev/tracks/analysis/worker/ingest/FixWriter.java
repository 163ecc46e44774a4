package dev.tracks.analysis.worker.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Writes the accepted fixes of an import's files into track_points, in chunks of {@link #CHUNK_ROWS}: each chunk
 * loses its repeated fixes (in memory, then against the stored fixes of its time ranges, under the users' import
 * locks) and goes in with one binary COPY. Files share transactions; a file is kept or dropped as a whole:
 * <ul>
 *   <li>the fixes of a file still being read stay in the buffer and can simply be dropped;</li>
 *   <li>a file larger than the buffer writes its chunks after a savepoint, rolled back to if the file is dropped
 *       (only such files get a savepoint: each costs a subtransaction).</li>
 * </ul>
 * A commit ({@link #betweenFiles()}) is only possible between files, so a crash leaves whole files or nothing of them.
 */
final class FixWriter implements ImportWriter {

    /** Fixes buffered before a chunk is written: bounded memory, and few round trips per fix. */
    static final int CHUNK_ROWS = 50_000;
    /** Fixes of kept files after which the import commits at the next file boundary. */
    static final long COMMIT_ROWS = 100_000;
    private static final String SAVEPOINT = "import_file";

    private final Connection db;
    private final TrackPointCopy copy = new TrackPointCopy();
    private final UserImportLocks locks;
    private final List<ImportedFix> fixes = new ArrayList<>(CHUNK_ROWS);
    private final List<String> sources = new ArrayList<>(CHUNK_ROWS);
    /** The name of each file, by file number. */
    private final List<String> names = new ArrayList<>();
    private final int[] owners = new int[CHUNK_ROWS];
    /** Fixes inserted per file, by file number. */
    private long[] inserted = new long[16];
    private int files;
    /** fixes[0, kept) belong to files already kept; the rest to the file being read. */
    private int kept;
    private boolean inSavepoint;
    private int file = -1;
    private String source;
    private long keptSinceCommit;
    /** Fixes of the file being read, written or still buffered. */
    private long fileFixes;

    FixWriter(Connection db) {
        this.db = db;
        this.locks = new UserImportLocks(db);
    }

    @Override
    public void startFile(String fileSource, String name) {
        file = files++;
        names.add(name);
        fileFixes = 0;
        if (file == inserted.length) {
            inserted = Arrays.copyOf(inserted, 2 * file);
        }
        source = fileSource;
    }

    @Override
    public void add(ImportedFix fix) throws SQLException {
        if (fixes.size() == CHUNK_ROWS) {
            writeBuffer();
        }
        owners[fixes.size()] = file;
        fixes.add(fix);
        sources.add(source);
        fileFixes++;
    }

    @Override
    public void keepFile() throws SQLException {
        if (inSavepoint) {
            execute("RELEASE SAVEPOINT " + SAVEPOINT);
            inSavepoint = false;
        }
        keptSinceCommit += fileFixes;
        kept = fixes.size();
    }

    @Override
    public void dropFile() throws SQLException {
        fixes.subList(kept, fixes.size()).clear();
        sources.subList(kept, sources.size()).clear();
        if (inSavepoint) {
            execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            execute("RELEASE SAVEPOINT " + SAVEPOINT);
            inSavepoint = false;
            locks.forget();
        }
        inserted[file] = 0;
    }

    /** Commits once {@link #COMMIT_ROWS} fixes of kept files are pending, so a crash loses whole files only. */
    @Override
    public void betweenFiles() throws SQLException {
        if (keptSinceCommit >= COMMIT_ROWS) {
            commit();
        }
    }

    @Override
    public void finish() throws SQLException {
        commit();
    }

    @Override
    public void abandon() throws SQLException {
        db.rollback();
    }

    /** Writes what is buffered and commits; only between files. */
    private void commit() throws SQLException {
        write(0, fixes.size());
        clear();
        db.commit();
        locks.forget();
        keptSinceCommit = 0;
    }

    @Override
    public long[] inserted() {
        return Arrays.copyOf(inserted, files);
    }

    /** The buffer is full in the middle of a file: the kept files' fixes, then this file's after its savepoint. */
    private void writeBuffer() throws SQLException {
        write(0, kept);
        if (!inSavepoint) {
            execute("SAVEPOINT " + SAVEPOINT);
            inSavepoint = true;
        }
        write(kept, fixes.size());
        clear();
    }

    private void clear() {
        fixes.clear();
        sources.clear();
        kept = 0;
    }

    /** Writes fixes[from, to) that are neither repeated among them nor stored already. */
    private void write(int from, int to) throws SQLException {
        if (from == to) {
            return;
        }
        StoredFixes.Plan plan = StoredFixes.plan(fixes, from, to);
        locks.lock(plan.ranges().stream().map(StoredFixes.Range::userId).toList());
        Set<FixKey> stored = StoredFixes.within(db, plan.ranges());
        List<ImportedFix> newFixes = new ArrayList<>(to - from);
        List<String> newSources = new ArrayList<>(to - from);
        int[] newOwners = new int[to - from];
        for (int i = from; i < to; i++) {
            if (!plan.repeated()[i - from] && (stored.isEmpty() || !stored.contains(FixKey.of(fixes.get(i))))) {
                newOwners[newFixes.size()] = owners[i];
                newFixes.add(fixes.get(i));
                newSources.add(sources.get(i));
                inserted[owners[i]]++;
            }
        }
        if (!newFixes.isEmpty()) {
            try {
                copy.write(db, newFixes, newSources);
            } catch (SQLException e) {
                throw naming(e, newFixes, newOwners);
            }
        }
    }

    /**
     * The failure with the file and the fix PostgreSQL rejected, found by the COPY line its error names; its
     * SQLSTATE kept, which tells whether another attempt can help (a data error, class 22 or 23, cannot). The import
     * gate lets no such fix through, so this is a last line of defence.
     */
    private SQLException naming(SQLException e, List<ImportedFix> written, int[] writtenOwners) {
        int row = RejectedCopyRow.index(e);
        if (row < 0 || row >= written.size()) {
            return e;
        }
        ImportedFix fix = written.get(row);
        return new SQLException("storing " + names.get(writtenOwners[row]) + " failed at its fix of user "
                + fix.userId() + " at " + Instant.ofEpochMilli(fix.epochMillis()) + " (" + fix.lat() + ", "
                + fix.lon() + "): " + e.getMessage(), e.getSQLState(), e);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
