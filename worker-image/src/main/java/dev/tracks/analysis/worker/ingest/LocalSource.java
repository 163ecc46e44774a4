package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Local files and directories, walked as {@link SourceWalker} says: one import over all of their files. */
public final class LocalSource implements ImportSource {

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
