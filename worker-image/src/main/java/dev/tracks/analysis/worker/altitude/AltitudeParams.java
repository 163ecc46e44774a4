package dev.tracks.analysis.worker.altitude;

/**
 * Parameters of the altitude_dimension skill, bound by name from the skill catalog ({@code AdvancedSkills}).
 *
 * @param smooth whether to apply gpxpy's 3-point smoothing (0.3, 0.4, 0.3) before summing climbs and measuring grades
 * @param minAltitudeMeters lower altitudes are no readings and are masked (-500 m: below the Dead Sea shore)
 * @param maxAltitudeMeters higher altitudes are masked as implausible (9000 m: above the highest ground, below the
 *     cruising altitude of most airliners)
 * @param spikeMeters an altitude further than this from the median of the valid altitudes around it (5 on each
 *     side) is a spike and is masked: GPS receivers report isolated altitudes hundreds of metres off, while a median
 *     keeps a steady climb, however steep, as it is. A wrong plateau longer than 5 fixes is not a spike to it (GeoLife
 *     has 26 fixes at 2.3 km amid fixes at 50 m, after a signal gap)
 * @param gradeDistanceMeters the horizontal distance a grade is measured over at least, so that a metre of altitude
 *     noise between two fixes a metre apart is no 100 % grade
 */
public record AltitudeParams(boolean smooth, int minAltitudeMeters, int maxAltitudeMeters, double spikeMeters,
                             double gradeDistanceMeters) {
}
