package dev.tracks.analysis.worker.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.GZIPInputStream;

/**
 * The files of one data_import source, handed one after another (each as an open stream) to the import pipeline: a
 * local file or directory, uploads, an http(s) URL; zip archives among them are read entry by entry and
 * {@code .gz} files through gunzip, so that no archive is unpacked to disk.
 */
public interface ImportSource {

    /** Reads one file of the source. The stream is closed by the source after the call. */
    @FunctionalInterface
    interface FileReading {
        void read(ImportFile file, InputStream in) throws IOException, SQLException;
    }

    /** The rows the source is expected to hold, for progress; 0 when it cannot be told before reading. */
    long estimatedRows() throws IOException;

    /** Hands every file of the source to {@code reading}, in import order. */
    void forEachFile(FileReading reading) throws IOException, SQLException;

    /**
     * The source a data_import task's parameters name: {@code upload:<id>[,<id>...]}, an http(s) URL, or a local
     * file or directory.
     *
     * @param db the connection uploads are read on
     * @throws IOException if the source does not exist
     */
    static ImportSource of(Connection db, DataImportParams params) throws IOException, SQLException {
        if (UploadedSource.isUpload(params.source())) {
            return UploadedSource.find(db, params);
        }
        if (params.source().startsWith("http://") || params.source().startsWith("https://")) {
            return url(params);
        }
        return LocalSource.of(Path.of(params.source()), params.format(), params.userId());
    }

    private static ImportSource url(DataImportParams params) throws IOException {
        URI uri = URI.create(params.source());
        String path = uri.getPath() == null ? "" : uri.getPath();
        boolean zip = ImportFile.isZip(path);
        ImportFormat format = params.format() != ImportFormat.AUTO || zip ? params.format()
                : ImportFormat.ofFileName(path).orElseThrow(() -> new IOException("params.format: cannot tell the"
                + " format of " + uri + " from its name; set GPX, PLT, CSV or GEOJSON"));
        return new ImportSource() {
            @Override
            public long estimatedRows() {
                return 0;
            }

            @Override
            public void forEachFile(FileReading reading) throws IOException, SQLException {
                try (InputStream in = uri.toURL().openStream()) {
                    readContainer(uri.toString(), format, params.userId(), in, reading);
                }
            }
        };
    }

    /**
     * Reads one stored file, whatever it contains: a zip archive entry by entry, a {@code .gz} file through gunzip,
     * any other as the file itself.
     *
     * @param format the file's format, or for an archive the format its entries are filtered by
     */
    static void readContainer(String name, ImportFormat format, String givenUser, InputStream in,
                              FileReading reading) throws IOException, SQLException {
        if (ImportFile.isZip(name)) {
            ZipEntries.read(name, format, givenUser, in, reading);
            return;
        }
        InputStream content = ImportFile.isGzip(name) ? new GZIPInputStream(in, 1 << 16) : in;
        reading.read(ImportFile.named(name, format, givenUser), new BufferedInputStream(content, 1 << 16));
    }
}
