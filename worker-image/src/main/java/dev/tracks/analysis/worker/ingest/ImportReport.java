package dev.tracks.analysis.worker.ingest;

import java.util.List;

/**
 * What reading one file gave: counts of all rows and the first rejections in detail (bounded, so a file full of bad
 * rows does not fill the memory). A row is one point of the file (a CSV or PLT data line, a GPX point, a GeoJSON
 * position); header and blank lines and untimed GPX waypoints are not rows.
 *
 * @param unit what the locations of the rejections count
 * @param rows rows read: {@code accepted + duplicates + rejected}
 * @param accepted rows handed to the sink
 * @param duplicates valid rows skipped because an identical fix (user, time, lat, lon) came shortly before
 * @param rejected invalid rows
 * @param rejections the first rejections in file order (at most {@link ReaderOptions#maxDetailedRejections()})
 * @param failure what made the rest of the file unreadable (not well-formed XML or JSON, no latitude column, no
 *     user), or null when the file was read to its end
 */
public record ImportReport(LocationUnit unit, long rows, long accepted, long duplicates, long rejected,
                           List<Rejection> rejections, Rejection failure) {

    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    /** Rejected rows over all rows, 0 for a file without rows. Duplicates are valid rows and do not count. */
    public double rejectedShare() {
        return rows == 0 ? 0 : (double) rejected / rows;
    }

    /**
     * The share rule of data_import: a file is imported only if it was read to its end and its rejected share does
     * not exceed {@code maxRejectedShare} (strictly larger rejects it: "a file with a larger share of invalid rows is
     * rejected whole"). When false, the runtime imports nothing of the file, not even the accepted rows.
     */
    public boolean shouldImport(double maxRejectedShare) {
        return failure == null && rejectedShare() <= maxRejectedShare;
    }
}
