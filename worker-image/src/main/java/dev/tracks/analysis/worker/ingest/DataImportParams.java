package dev.tracks.analysis.worker.ingest;

/**
 * The parameters of the data_import skill, bound by name from the skill catalog ({@code FoundationSkills}).
 *
 * @param source path or URL of the file, directory or zip archive to import, or {@code upload:<id>[,<id>...]}
 *     (required); all of its files are one import
 * @param format the file format; {@link ImportFormat#AUTO} decides by file extension
 * @param userId the user the points belong to, or null: then a CSV's user column, for a GeoLife tree
 *     ({@code <user>/Trajectory/*.plt}) the user folder's name, for another GPX or PLT file its name
 *     ({@link ImportFile#named}); when given it wins over all
 * @param maxRejectedShare a file with a larger share of invalid rows is rejected whole, in [0, 1]
 * @param earliestYear a fix recorded before 1 January of this year (UTC) is rejected ({@link FixTimeWindow})
 * @param maxFutureHours a fix recorded more than this after the import started is rejected
 */
public record DataImportParams(String source, ImportFormat format, String userId, double maxRejectedShare,
                               int earliestYear, int maxFutureHours) {
}
