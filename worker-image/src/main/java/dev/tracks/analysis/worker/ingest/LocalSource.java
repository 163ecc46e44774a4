package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Local files and directories, walked as {@link SourceWalker} says: one import over all of their files. */
public final class LocalSource implements ImportSource {

    /** Files parsed ahead of the writer per parsing thread: enough to keep the threads busy, few in memory. */
    private static final int PARSED_AHEAD_PER_THREAD = 4;

    private final List<SourceFile> files;
    private final boolean estimated;

    public LocalSource(List<SourceFile> files) {
        this(files, true);
    }

    private LocalSource(List<SourceFile> files, boolean estimated) {
        this.files = List.copyOf(files);
        this.estimated = estimated;
    }

    /**
     * The same files without an estimate of their rows, for an import whose progress nobody sees (analyze's):
     * counting reads every file once more, a third of the import's time on the GeoLife samples.
     */
    public LocalSource withoutEstimate() {
        return new LocalSource(files, false);
    }

    /** The files of one path; see {@link SourceWalker#expand}. */
    public static LocalSource of(Path source, ImportFormat format, String userId) throws IOException {
        return new LocalSource(SourceWalker.expand(source, format, userId));
    }

    /** The files of several paths, in the order given, each walked as {@link SourceWalker#expand} says. */
    public static LocalSource of(List<Path> sources, String userId) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (Path source : sources) {
            files.addAll(SourceWalker.expand(source, ImportFormat.AUTO, userId));
        }
        return new LocalSource(files);
    }

    /** Lines (PLT, CSV) or point elements (GPX) of plain files; compressed files and archives are not counted. */
    @Override
    public long estimatedRows() throws IOException {
        if (!estimated) {
            return 0;
        }
        long rows = 0;
        for (SourceFile file : files) {
            if (!file.archive() && !ImportFile.isGzip(file.path().toString())) {
                byte[] marker = file.format() == ImportFormat.GPX ? "pt ".getBytes() : "\n".getBytes();
                rows += occurrences(file.path(), marker);
            }
        }
        return rows;
    }

    @Override
    public void forEachFile(FileReading reading) throws IOException, SQLException {
        for (SourceFile file : files) {
            try (InputStream in = Files.newInputStream(file.path())) {
                ImportSource.readContainer(file.path().toString(), file.format(), file.userId(), in, reading);
            }
        }
    }

    /** One file read whole: its report and its accepted fixes in order. */
    record ParsedFile(ImportFile file, ImportReport report, List<ImportedFix> fixes) {
    }

    /** Receives the parsed files in import order. */
    @FunctionalInterface
    interface ParsedReading {
        void read(ParsedFile file) throws IOException, SQLException;
    }

    /**
     * Every file parsed on {@code threads} threads, a few files ahead of {@code reading}, which gets them in import
     * order on the calling thread; each file's fixes are held whole until it is handed over. A file that cannot be
     * read fails the call when its turn comes, after the files before it.
     */
    void forEachParsed(ReaderOptions options, int threads, ParsedReading reading) throws IOException, SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tracks-parse");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Iterator<SourceFile> next = files.iterator();
            Deque<Future<List<ParsedFile>>> ahead = new ArrayDeque<>();
            while (ahead.size() < PARSED_AHEAD_PER_THREAD * threads && next.hasNext()) {
                SourceFile file = next.next();
                ahead.add(pool.submit(() -> parse(file, options)));
            }
            while (!ahead.isEmpty()) {
                List<ParsedFile> parsed = parsed(ahead.poll());
                if (next.hasNext()) {
                    SourceFile file = next.next();
                    ahead.add(pool.submit(() -> parse(file, options)));
                }
                for (ParsedFile file : parsed) {
                    reading.read(file);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The files of one stored file (an archive holds many), parsed. */
    private static List<ParsedFile> parse(SourceFile source, ReaderOptions options) throws IOException, SQLException {
        List<ParsedFile> parsed = new ArrayList<>();
        try (InputStream in = Files.newInputStream(source.path())) {
            ImportSource.readContainer(source.path().toString(), source.format(), source.userId(), in,
                    (file, content) -> {
                        List<ImportedFix> fixes = new ArrayList<>();
                        ImportReport report = FixReaders.forFormat(file.format()).read(content, file.userId(),
                                options, fixes::add);
                        parsed.add(new ParsedFile(file, report, fixes));
                    });
        }
        return parsed;
    }

    private static List<ParsedFile> parsed(Future<List<ParsedFile>> parsing) throws IOException, SQLException {
        try {
            return parsing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static long occurrences(Path file, byte[] marker) throws IOException {
        long count = 0;
        int matched = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    matched = buffer[i] == marker[matched] ? matched + 1 : (buffer[i] == marker[0] ? 1 : 0);
                    if (matched == marker.length) {
                        count++;
                        matched = 0;
                    }
                }
            }
        }
        return count;
    }
}
