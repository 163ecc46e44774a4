package dev.tracks.analysis.worker.mode;

/**
 * The fine transport mode of a segment from its speed profile, rules anchored on GeoPulse's travel classification
 * ({@code user-guide/timeline/travel_classification.md}: FLIGHT avg >= 400 or max >= 500 km/h, TRAIN avg 30-150,
 * BICYCLE avg 8-25 and max <= 35, WALK avg <= 6 and max <= 8). We use the median step speed for GeoPulse's average
 * and the 95th percentile for its maximum, because one noisy step must not decide the class; a high percentile
 * alone never does either: on the GeoLife sample (docs/evaluation.md) GPS spikes after signal gaps gave walking and
 * cycling segments a p95 above 140 or even 1,000 km/h at medians of 3 to 23 km/h. First match wins:
 * <ol>
 *   <li>{@link #AIRPLANE}: p95 >= 400 km/h (faster than any rail service; high-speed lines run at most ~350) and
 *       median >= 100 km/h;</li>
 *   <li>{@link #RAIL}: median >= 100 km/h, or p95 >= 140 km/h with median >= 30 km/h: sustained speeds above road
 *       traffic;</li>
 *   <li>{@link #WALK}: median < 7 and p95 < 10 km/h (GeoPulse's walk bounds plus GPS noise margin);</li>
 *   <li>{@link #BICYCLE}: median < 25 and p95 <= 35 km/h;</li>
 *   <li>{@link #ROAD_VEHICLE}: everything else (car, bus, taxi, motorcycle).</li>
 * </ol>
 * Speed alone cannot tell a car cruising at 120 km/h from a train, nor a bus from a subway: such segments go to RAIL
 * and ROAD_VEHICLE respectively. {@link #UNKNOWN} is for a segment without a measurable speed.
 */
public enum FineMode {
    WALK,
    BICYCLE,
    ROAD_VEHICLE,
    RAIL,
    AIRPLANE,
    UNKNOWN;

    static final double AIRPLANE_MIN_P95_KMH = 400;
    static final double AIRPLANE_MIN_MEDIAN_KMH = 100;
    static final double UNDERGROUND_MIN_SHARE = 0.3;
    static final double RAIL_MIN_P95_KMH = 140;
    static final double RAIL_MIN_MEDIAN_WITH_P95_KMH = 50;
    static final double WALK_MAX_MEDIAN_KMH = 7;
    static final double WALK_MAX_P95_KMH = 10;
    static final double BICYCLE_MAX_MEDIAN_KMH = 25;
    static final double BICYCLE_MAX_P95_KMH = 30;
    static final double BICYCLE_MAX_ACCEL = 0.3;
    static final double RAIL_MIN_CRUISE_KMH = 45;
    static final double RAIL_MAX_TURNS_PER_KM = 0.5;
    static final double RAIL_MIN_STOP_SPACING_METERS = 800;
    static final double RAIL_MAX_STOP_SPACING_CV = 0.5;
    static final double RAIL_MAX_PLATEAU_CV = 0.1;
    static final double RAIL_NONSTOP_MIN_P95_KMH = 100;
    static final double RAIL_NONSTOP_MAX_TURNS_PER_KM = 0.1;
    static final double RAIL_NONSTOP_MAX_PLATEAU_CV = 0.06;

    /** The class of a segment's features; a NaN median gives {@link #UNKNOWN}. */
    public static FineMode of(SegmentFeatures f) {
        double median = f.medianKmh();
        double p95 = f.p95Kmh();
        if (Double.isNaN(median)) {
            return UNKNOWN;
        }
        if (p95 >= AIRPLANE_MIN_P95_KMH && median >= AIRPLANE_MIN_MEDIAN_KMH) {
            return AIRPLANE;
        }
        if (f.signalLossShare() >= UNDERGROUND_MIN_SHARE) {
            return RAIL;
        }
        if (p95 >= RAIL_MIN_P95_KMH && median >= RAIL_MIN_MEDIAN_WITH_P95_KMH) {
            return RAIL;
        }
        if (median < WALK_MAX_MEDIAN_KMH && p95 < WALK_MAX_P95_KMH) {
            return WALK;
        }
        if (median < BICYCLE_MAX_MEDIAN_KMH && p95 < BICYCLE_MAX_P95_KMH && !(f.accelP95() >= BICYCLE_MAX_ACCEL)) {
            return BICYCLE;
        }
        return isTrainRun(f) ? RAIL : ROAD_VEHICLE;
    }

    private static boolean isTrainRun(SegmentFeatures f) {
        if (Double.isNaN(f.stopSpacingCv())) {
            return f.p95Kmh() >= RAIL_NONSTOP_MIN_P95_KMH && f.turnsPerKm() < RAIL_NONSTOP_MAX_TURNS_PER_KM
                    && f.plateauCv() <= RAIL_NONSTOP_MAX_PLATEAU_CV;
        }
        return f.p95Kmh() >= RAIL_MIN_CRUISE_KMH && f.turnsPerKm() < RAIL_MAX_TURNS_PER_KM
                && f.stopSpacingMedianMeters() >= RAIL_MIN_STOP_SPACING_METERS
                && f.stopSpacingCv() <= RAIL_MAX_STOP_SPACING_CV && f.plateauCv() <= RAIL_MAX_PLATEAU_CV;
    }
}
