package dev.tracks.analysis.worker.compression;

import java.util.List;

/**
 * One trip compressed by one method.
 *
 * @param fixesIn the trip's fixes
 * @param maxSedMeters the largest SED of the fixes the compressed track replaces (the dropped ones; every fix for
 *     SKMOB_RADIUS), 0 when it replaces none
 * @param meanSedMeters their mean SED, 0 when it replaces none
 * @param fixes the compressed track in time order
 */
public record TrackCompression(CompressionMethod method, int fixesIn, double maxSedMeters, double meanSedMeters,
                               List<CompressedFix> fixes) {

    /** fixes out / fixes in: the share of the fixes the compressed track keeps. */
    public double ratio() {
        return (double) fixes.size() / fixesIn;
    }
}
