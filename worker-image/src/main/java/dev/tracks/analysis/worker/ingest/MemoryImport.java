package dev.tracks.analysis.worker.ingest;

import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.store.MemoryFixes;
import dev.tracks.analysis.worker.track.Fixes;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * data_import into memory, for a database that holds nothing but one run (analyze's embedded PostgreSQL): the fixes
 * of the kept files become each user's {@link Fixes} in (recorded_at, id) order instead of rows of track_points, and
 * the import ends there, with the same report as {@link FixWriter}'s.
 *
 * <p>The fixes get the ids that empty track_points would have given them, so that results which name fixes are the
 * same either way: the identity counts the rows in the order {@link FixWriter} COPYs them (the order the readers
 * hand them over), a fix that repeats a kept one (same user, time and position) gets none, and a dropped file's rows
 * that FixWriter had already written when its buffer filled up keep their numbers used (a roll back to a savepoint
 * does not give identity values back). That is why this class follows FixWriter's buffer and commits.
 */
public final class MemoryImport implements ImportWriter {

    private final int threads;
    private final Map<String, UserFixes> users = new HashMap<>();
    /** The last id given: track_points' identity. */
    private long lastId;
    private long[] inserted = new long[16];
    private int files;
    private int file = -1;
    /** The users the file read last added fixes to, with how many they had before it. */
    private final Map<UserFixes, Integer> sizesBeforeFile = new HashMap<>();
    private long lastIdBeforeFile;
    /** Ids the file read last took in chunks FixWriter would have written before its end. */
    private long idsWrittenOfFile;
    /** FixWriter's buffer: how many fixes it holds, how many of them of kept files; fixes kept since its commit. */
    private int buffered;
    private int bufferedOfKeptFiles;
    private long keptSinceCommit;
    private long fileFixes;
    private MemoryFixes result;
    private String lastUserId;
    private UserFixes lastUser;

    /** @param threads the threads that parse the files, ahead of the one that adds their fixes here */
    public MemoryImport(int threads) {
        this.threads = threads;
    }

    /**
     * Reads every file of {@code source} into memory; the outcomes are those of an import into track_points.
     *
     * @throws IOException if a file cannot be read at all
     */
    public List<PointImport.FileOutcome> run(LocalSource source, ReaderOptions options, double maxRejectedShare,
                                             ProgressTracker progress) throws IOException {
        try {
            return new PointImport(this, options, progress).runParsedAhead(source, maxRejectedShare, threads);
        } catch (SQLException e) {
            throw new IllegalStateException("an import into memory touches no database", e);
        }
    }

    /** The fixes of the kept files; after {@link #run}. */
    public MemoryFixes fixes() {
        if (result == null) {
            throw new IllegalStateException("the import has not finished");
        }
        return result;
    }

    @Override
    public void startFile(String source, String name) {
        file = files++;
        if (file == inserted.length) {
            inserted = Arrays.copyOf(inserted, 2 * file);
        }
        fileFixes = 0;
        lastIdBeforeFile = lastId;
        idsWrittenOfFile = 0;
        sizesBeforeFile.clear();
        lastUserId = null;
    }

    @Override
    public void add(ImportedFix fix) {
        if (buffered == FixWriter.CHUNK_ROWS) {
            // FixWriter writes its full buffer: the ids this file's fixes took so far stay used even if it is dropped.
            idsWrittenOfFile = lastId - lastIdBeforeFile;
            buffered = 0;
            bufferedOfKeptFiles = 0;
        }
        buffered++;
        fileFixes++;
        UserFixes user = userOf(fix.userId());
        if (user.addIfNew(lastId + 1, fix)) {
            lastId++;
            inserted[file]++;
        }
    }

    /** The user's fixes, noting their size before the file; most files have one user, looked up once. */
    private UserFixes userOf(String userId) {
        if (!userId.equals(lastUserId)) {
            lastUser = users.computeIfAbsent(userId, id -> new UserFixes());
            lastUserId = userId;
            sizesBeforeFile.putIfAbsent(lastUser, lastUser.fixes.size());
        }
        return lastUser;
    }

    @Override
    public void keepFile() {
        keptSinceCommit += fileFixes;
        bufferedOfKeptFiles = buffered;
    }

    @Override
    public void dropFile() {
        sizesBeforeFile.forEach(UserFixes::truncate);
        lastId = lastIdBeforeFile + idsWrittenOfFile;
        inserted[file] = 0;
        buffered = bufferedOfKeptFiles;
    }

    @Override
    public void betweenFiles() {
        if (keptSinceCommit >= FixWriter.COMMIT_ROWS) {
            buffered = 0;
            bufferedOfKeptFiles = 0;
            keptSinceCommit = 0;
        }
    }

    @Override
    public void finish() {
        Map<String, Fixes> sorted = new TreeMap<>();
        users.forEach((userId, user) -> {
            if (!user.fixes.isEmpty()) {
                sorted.put(userId, inTimeOrder(user.fixes));
            }
        });
        users.clear();
        result = new MemoryFixes(sorted);
    }

    @Override
    public void abandon() {
        users.clear();
    }

    @Override
    public long[] inserted() {
        return Arrays.copyOf(inserted, files);
    }

    /**
     * The fixes in (time, id) order, as PointReader reads them. They arrive with growing ids, so a stable sort by
     * time is that order; most files are in time order already, and then there is nothing to sort.
     */
    private static Fixes inTimeOrder(Fixes fixes) {
        boolean ordered = true;
        for (int i = 1; i < fixes.size() && ordered; i++) {
            ordered = fixes.time(i - 1) <= fixes.time(i);
        }
        if (ordered) {
            return fixes;
        }
        Integer[] order = IntStream.range(0, fixes.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(fixes::time));
        Fixes sorted = new Fixes(fixes.size());
        for (int index : order) {
            sorted.add(fixes, index);
        }
        return sorted;
    }

    /**
     * One user's fixes in arrival order, with an open-addressing table of their keys (time, lat, lon) to find a
     * repeated fix: a primitive table, since a set of key objects would cost about 100 bytes per fix.
     */
    private static final class UserFixes {

        private Fixes fixes = new Fixes(1024);
        /** Index + 1 of a fix in each slot, 0 for an empty slot; a power of two, at most half full. */
        private int[] slots = new int[2048];

        /** Adds the fix with {@code id} unless it repeats one added before; whether it was added. */
        boolean addIfNew(long id, ImportedFix fix) {
            // + 0.0 turns -0.0 into 0.0: PostgreSQL compares the two zeros equal, and so does FixKey
            double lat = fix.lat() + 0.0;
            double lon = fix.lon() + 0.0;
            int mask = slots.length - 1;
            for (int slot = hash(fix.epochMillis(), lat, lon) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                int index = slots[slot] - 1;
                if (fixes.time(index) == fix.epochMillis() && fixes.lat(index) + 0.0 == lat
                        && fixes.lon(index) + 0.0 == lon) {
                    return false;
                }
            }
            fixes.add(id, fix.epochMillis(), fix.lat(), fix.lon(), fix.altitudeMeters(), fix.accuracyMeters());
            if (2 * fixes.size() > slots.length) {
                rehash(2 * slots.length);
            } else {
                place(fixes.size() - 1);
            }
            return true;
        }

        /** Forgets the fixes from {@code size} on (a dropped file's). */
        void truncate(int size) {
            fixes = fixes.slice(0, size);
            rehash(slots.length);
        }

        private void rehash(int capacity) {
            slots = new int[capacity];
            for (int i = 0; i < fixes.size(); i++) {
                place(i);
            }
        }

        private void place(int index) {
            int mask = slots.length - 1;
            int slot = hash(fixes.time(index), fixes.lat(index) + 0.0, fixes.lon(index) + 0.0) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }

        private static int hash(long time, double lat, double lon) {
            long h = time * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(lat) * 0xC2B2AE3D27D4EB4FL
                    ^ Double.doubleToLongBits(lon) * 0x165667B19E3779F9L;
            return (int) (h ^ h >>> 29 ^ h >>> 43);
        }
    }
}
