package dev.tracks.analysis.api.upload;

import dev.tracks.analysis.api.problem.ApiException;
import java.util.List;
import java.util.Locale;

/**
 * The format an uploaded file is stored with (import_sources.format): the one given for the request, else told by
 * the file's name as data_import tells it (.gpx, .plt, .csv, .geojson or .json, each also gzip-compressed as .gz);
 * a zip archive (.zip) is stored as ZIP, and a given format then filters its entries.
 */
public final class UploadFormats {

    /** The formats a request may give (the catalog's data_import formats but AUTO). */
    public static final List<String> FORMATS = List.of("GPX", "PLT", "CSV", "GEOJSON");
    static final String ARCHIVE = "ZIP";

    private UploadFormats() {
    }

    /** The given format, checked; null when none was given. */
    static String given(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        String upper = format.trim().toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(upper)) {
            throw ApiException.invalid("format", "must be one of " + FORMATS + ", got '" + format + "'");
        }
        return upper;
    }

    /** The stored format of one file: ZIP for an archive, else the given format or the one its name tells. */
    static String of(String fileName, String given) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return ARCHIVE;
        }
        if (given != null) {
            return given;
        }
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (plain.endsWith(".gpx")) {
            return "GPX";
        }
        if (plain.endsWith(".plt")) {
            return "PLT";
        }
        if (plain.endsWith(".csv")) {
            return "CSV";
        }
        if (plain.endsWith(".geojson") || plain.endsWith(".json")) {
            return "GEOJSON";
        }
        throw ApiException.invalid("format", "cannot tell the format of '" + fileName + "' from its name; give"
                + " format (one of " + FORMATS + "), or upload a .zip archive");
    }
}
