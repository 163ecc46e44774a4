package dev.tracks.analysis.worker.local;

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
 * One file to upload to POST /imports, with the form fields it goes with.
 *
 * @param format GPX, PLT, CSV or GEOJSON
 * @param userId the user_id field, or null to let the file name its users
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
                boolean namesNoUser = file.format() == ImportFormat.GPX || file.format() == ImportFormat.PLT;
                uploads.add(new Upload(file.path(), file.format().name(), file.userId() != null ? file.userId()
                        : namesNoUser ? stem(file.path()) : null));
            }
        }
        if (uploads.isEmpty()) {
            throw new IOException("no GPX, PLT, CSV or GeoJSON files in " + inputs);
        }
        return uploads;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
