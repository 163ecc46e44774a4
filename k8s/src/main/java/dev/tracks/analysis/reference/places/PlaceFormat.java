package dev.tracks.analysis.reference.places;

import dev.tracks.analysis.reference.BadReferenceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats a gazetteer can come in. */
public enum PlaceFormat {
    /** Comma-separated with a header line naming the columns (RFC 4180 quoting). */
    CSV,
    /** A JSON array of objects, one per place. */
    JSON;

    /** The format a file name says (.csv or .json), if it says one. */
    public static Optional<PlaceFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> name.endsWith("." + format.name().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The format a file's name says (.csv or .json). */
    public static PlaceFormat of(Path file) {
        return ofFileName(file.getFileName().toString()).orElseThrow(() -> new BadReferenceFile("file",
                "cannot tell the format of " + file.getFileName() + ": name it .csv or .json"));
    }
}
