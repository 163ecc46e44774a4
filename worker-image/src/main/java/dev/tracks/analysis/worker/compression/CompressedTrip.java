package dev.tracks.analysis.worker.compression;

import java.util.List;

/** One trip's compressions at one tolerance, one per method run. */
public record CompressedTrip(long tripId, long startMillis, long endMillis, double toleranceMeters,
                             List<TrackCompression> compressions) {
}
