package dev.tracks.analysis.reference.places;

import dev.tracks.analysis.reference.BadReferenceFile;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats a gazetteer can come in. */
public enum PlaceFormat {
    /** Comma-separated with a header line naming the columns (RFC 4180 quoting). */
    CSV,
    /** A JSON array of objects, one per place. */
    JSON;

    /** The format a file name says (.csv or .json). */
    public static PlaceFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        throw new BadReferenceFile("file", "cannot tell the format of " + file.getFileName() + ": name it .csv or"
                + " .json, or give --format csv|json");
    }
}
