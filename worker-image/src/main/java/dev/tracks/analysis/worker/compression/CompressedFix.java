package dev.tracks.analysis.worker.compression;

/**
 * One fix of a compressed track: a kept fix as recorded, or for SKMOB_RADIUS a group's median position at the time of
 * its first fix. Longitude in [-180, 180].
 */
public record CompressedFix(long millis, double lat, double lon) {
}
