package dev.tracks.analysis.worker.speedspace;

/**
 * The speeds of a user's moving fixes in one H3 cell.
 *
 * @param cell the H3 cell index
 * @param count moving fixes in the cell
 * @param medianKmh their median speed
 * @param p85Kmh their 85th-percentile speed
 */
public record CellSpeedProfile(long cell, int count, double medianKmh, double p85Kmh) {
}
