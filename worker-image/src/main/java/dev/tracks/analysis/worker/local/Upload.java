package dev.tracks.analysis.worker.local;

import dev.tracks.analysis.worker.ingest.ImportFile;
import dev.tracks.analysis.worker.ingest.ImportFormat;
import dev.tracks.analysis.worker.ingest.SourceFile;
import dev.tracks.analysis.worker.ingest.SourceWalker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One file to upload to POST /imports, with the user its import gives it. All files of a local run go in one request
 * (one data_import task); the server gives each file the same user from the name it is sent under
 * ({@link #uploadName()}) unless --user-id names one for all.
 *
 * @param format GPX, PLT, CSV or GEOJSON (a zip archive: ZIP, its entries have their own)
 * @param userId the user its fixes get, or null when the file names its users
 */
record Upload(Path file, String format, String userId) {

    static final String SAMPLE_RESOURCE = "sample/tracks-sample.csv";

    /**
     * The inputs' files (directories walked as data_import walks them), or the bundled sample, copied into
     * {@code sampleDirectory}. A GPX or PLT file never names its user: without {@code userId} it is the file's
     * name (as the analyze command does); CSV and GeoJSON name theirs, which a given {@code userId} replaces.
     */
    static List<Upload> of(List<Path> inputs, String userId, Path sampleDirectory) throws IOException {
        if (inputs.isEmpty()) {
            Path sample = sampleDirectory.resolve(Path.of(SAMPLE_RESOURCE).getFileName());
            try (InputStream in = Upload.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE)) {
                if (in == null) {
                    throw new IOException("the bundled sample " + SAMPLE_RESOURCE + " is missing from the jar");
                }
                Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
            }
            return List.of(new Upload(sample, ImportFormat.CSV.name(), userId));
        }
        List<Upload> uploads = new ArrayList<>();
        for (Path input : inputs) {
            for (SourceFile file : SourceWalker.expand(input.toAbsolutePath(), ImportFormat.AUTO, userId)) {
                if (file.archive()) {
                    uploads.add(new Upload(file.path(), "ZIP", userId));
                } else {
                    uploads.add(new Upload(file.path(), file.format().name(), ImportFile.named(file.path().toString(),
                            file.format(), file.userId()).userId()));
                }
            }
        }
        if (uploads.isEmpty()) {
            throw new IOException("no GPX, PLT, CSV or GeoJSON files in " + inputs);
        }
        return uploads;
    }

    /**
     * The name the file is uploaded under: a GeoLife file as {@code <user>/Trajectory/<name>}, so that the server
     * finds its user folder (the full local path is nobody else's business), any other file by its name.
     */
    String uploadName() {
        String name = file.getFileName().toString();
        return SourceWalker.geoLifeUser(file).map(user -> user + "/Trajectory/" + name).orElse(name);
    }
}
