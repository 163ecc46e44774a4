package dev.tracks.analysis.worker.mode;

/**
 * What a movement segment's fixes say about how it moved: the inputs of {@link FineMode#of}. Speeds are the windowed
 * speeds of {@link StepProfile#windowKmh}; lengths along the segment are measured on chords (see {@link Chords}) so
 * that GPS scatter while standing adds no distance.
 *
 * @param medianKmh median windowed speed: the segment's robust speed (a stop, a gap or a spike moves it little)
 * @param p95Kmh 95th percentile of the windowed speed: the cruising speed the segment reaches
 * @param turnsPerKm heading change rate (Zheng et al. 2008, "Understanding mobility based on GPS data", UbiComp; and
 *     2010, "GeoLife: a collaborative social networking service among user, location and trajectory", IEEE Data Eng.
 *     Bull.: the number of points whose heading changes more than a threshold, per unit distance), counted between
 *     consecutive 100 m chords so that GPS noise at low speed does not fake turns: street vehicles turn at junctions,
 *     trains do not
 * @param curvatureDegPerKm sum of the absolute heading changes between chords per km: the mean curvature
 * @param stopsPerKm stop rate (Zheng et al. 2008, 2010): stops of a moving vehicle per km
 * @param velocityChangeRate velocity change rate (Zheng et al. 2008, 2010): windowed-speed changes of more than
 *     {@link Features#VELOCITY_CHANGE_SHARE} of the previous speed per km; stop-and-go traffic changes speed often
 * @param accelP95 95th percentile of the absolute acceleration of the windowed speed, m/s2 (NaN with sparse fixes)
 * @param jerkP95 95th percentile of the absolute jerk of the windowed speed, m/s3 (NaN with sparse fixes)
 * @param stopSpacingMedianMeters median distance between consecutive stops, the segment's ends counting as stops:
 *     bus stops lie 300-600 m apart, metro stations about 1-3 km
 * @param stopSpacingCv coefficient of variation of those distances: regular for stations (NaN with fewer than two)
 * @param dwellCv coefficient of variation of the stop durations (NaN with fewer than two stops)
 * @param plateauCv coefficient of variation of the windowed speed over the fixes at 75 % of p95 or more: a train holds
 *     its line speed, road traffic does not
 * @param signalLossShare share of the segment's time in signal losses inside movement: gaps of
 *     {@link StepProfile#SIGNAL_LOSS_MIN_MILLIS} or more whose displacement implies at least
 *     {@link StepProfile#SIGNAL_LOSS_MIN_KMH} (a subway underground)
 */
public record SegmentFeatures(
        double medianKmh,
        double p95Kmh,
        double turnsPerKm,
        double curvatureDegPerKm,
        double stopsPerKm,
        double velocityChangeRate,
        double accelP95,
        double jerkP95,
        double stopSpacingMedianMeters,
        double stopSpacingCv,
        double dwellCv,
        double plateauCv,
        double signalLossShare) {

    /** The features of a segment without a measurable speed. */
    static final SegmentFeatures NONE = new SegmentFeatures(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
}
