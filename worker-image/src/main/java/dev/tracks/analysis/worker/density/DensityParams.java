package dev.tracks.analysis.worker.density;

import java.time.ZoneId;

/**
 * Parameters of density_structure, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param hotspotPercentile a cell whose dwell time exceeds this percentile (0-100) of the user's cells' dwell times is
 *     a percentile hot spot
 * @param significance a cell with a positive Gi* z whose two-sided p value is below this is a Gi* hot spot
 * @param timeZone the zone of the local days when the user has no zone setting and a cell's centre lies outside every
 *     zone polygon
 */
public record DensityParams(double hotspotPercentile, double significance, ZoneId timeZone) {
}
