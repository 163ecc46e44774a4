package dev.tracks.analysis.worker.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files in a zip archive, read as a stream in the archive's order (no temporary copy): every entry whose name
 * tells a format (with an explicit format: that format only), skipping folders, hidden entries (a name part starting
 * with a dot) and macOS' {@code __MACOSX} resource forks. Each entry is named {@code archive.zip!/path/in/archive}; its
 * user follows {@link ImportFile#named} on the entry's path, so a zipped GeoLife tree keeps its user folders.
 */
final class ZipEntries {

    private static final String SEPARATOR = "!/";

    private ZipEntries() {
    }

    static void read(String archiveName, ImportFormat format, String givenUser, InputStream archive,
                     ImportSource.FileReading reading) throws IOException, SQLException {
        ZipInputStream zip = new ZipInputStream(archive);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            String path = entry.getName();
            if (entry.isDirectory() || skipped(path)) {
                continue;
            }
            ImportFormat entryFormat = ImportFormat.ofFileName(path).orElse(null);
            if (entryFormat == null || (format != ImportFormat.AUTO && entryFormat != format)) {
                continue;
            }
            ImportFile named = ImportFile.named(path, entryFormat, givenUser);
            ImportSource.readContainer(path, entryFormat, named.userId(), unclosable(zip),
                    (file, in) -> reading.read(new ImportFile(archiveName + SEPARATOR + file.name(), file.format(),
                            file.userId()), in));
        }
    }

    private static boolean skipped(String path) {
        for (String name : path.replace('\\', '/').split("/")) {
            if (name.startsWith(".") || name.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** The current entry, which a reader may not close: that would close the whole archive. */
    private static InputStream unclosable(ZipInputStream zip) {
        return new FilterInputStream(zip) {
            @Override
            public void close() {
            }
        };
    }
}
