package dev.tracks.analysis.worker.mode;

/**
 * The fine transport mode of a segment from its {@link SegmentFeatures}: documented rules, each threshold argued from
 * physics or the literature and checked on generated trips ({@code ModeTracks}, seeds 1000-1039; recall is tested on
 * other seeds), never fitted to labelled real data. Speeds are the windowed speeds' median (robust: stops, a spike or
 * a gap move it little) and 95th percentile (the cruising speed). GeoPulse's travel classification
 * ({@code user-guide/timeline/travel_classification.md}) anchors the speed bounds. First match wins:
 * <ol>
 *   <li>{@link #AIRPLANE}: p95 >= 400 km/h (faster than any rail service; high-speed lines run at most ~350) and
 *       median >= 100 km/h, so that one spike after a gap makes no flight;</li>
 *   <li>{@link #RAIL} underground: at least 30 % of the segment's time is signal loss at ride speed (a gap of 5 min
 *       or more whose displacement implies >= 20 km/h). Road vehicles lose the sky in tunnels for a minute or two;
 *       a subway rider loses it from entrance to exit;</li>
 *   <li>{@link #RAIL}: p95 >= 140 km/h with median >= 50 km/h: sustained speeds above road limits (motorways allow at
 *       most 120-130 km/h in most countries);</li>
 *   <li>{@link #WALK}: median < 7 and p95 < 10 km/h (preferred walking speed 4-5.5 km/h, GeoPulse's walk maximum
 *       8 km/h, plus a margin for GPS noise);</li>
 *   <li>{@link #BICYCLE}: median < 25 and p95 < 30 km/h (utility cycling cruises at 12-25 km/h; pedelecs stop
 *       assisting at 25) and a 95th percentile acceleration below 0.3 m/s2 where it can be measured: cyclists
 *       accelerate at a few tenths of a m/s2 (Parkin and Rotheram 2010, "Design speeds and acceleration
 *       characteristics of bicycle traffic", Transport Policy 17), buses and cars at 1-3 m/s2;</li>
 *   <li>{@link #RAIL} when the profile is a train's ({@link #isTrainRun}), else {@link #ROAD_VEHICLE}.</li>
 * </ol>
 * A train runs on a line without junction turns (fewer than 0.5 turns of 60 degrees per km; streets turn at junctions
 * every few hundred metres), stops at stations at least 800 m apart at regular spacing (median spacing >= 800 m,
 * coefficient of variation <= 0.5; bus stops lie 300-600 m apart, red lights at irregular distances) and holds its line
 * speed (plateau coefficient of variation <= 0.1) at a cruise of 45 km/h or more (metros reach 60-80) and a median of
 * 20 km/h or more (it moves most of the time: a dwell of 20-60 s per 2-4 min between stations; a high p95 over a slow
 * median is rather a few spikes). A segment without a stop inside is a train only at a cruise of 100 km/h or more held
 * within 6 % and with hardly a turn (< 0.1 per km): a car on a motorway drifts with the traffic and got there through
 * streets. Without such evidence a motorized segment is a road vehicle, the more common case. {@link #UNKNOWN} is for a
 * segment without a measurable speed.
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
    static final double RAIL_MIN_MEDIAN_KMH = 20;
    static final double RAIL_MAX_TURNS_PER_KM = 0.5;
    static final double RAIL_MIN_STOP_SPACING_METERS = 800;
    static final double RAIL_MAX_STOP_SPACING_CV = 0.5;
    static final double RAIL_MAX_PLATEAU_CV = 0.1;
    static final double RAIL_NONSTOP_MIN_P95_KMH = 100;
    static final double RAIL_NONSTOP_MAX_TURNS_PER_KM = 0.1;
    static final double RAIL_NONSTOP_MAX_PLATEAU_CV = 0.06;

    /**
     * The class of a segment's features, with the OSM network's evidence when a load is active: a motorized segment
     * ({@link #RAIL} or {@link #ROAD_VEHICLE} by its motion) that ran on rails away from car roads is rail, one on
     * roads away from rails a road vehicle, whatever its stops and cruise looked like; an underground ride keeps
     * {@link #RAIL} (its few fixes lie at entrances and stations, often beside streets).
     */
    static FineMode of(SegmentFeatures f, NetworkEvidence network) {
        FineMode motion = of(f);
        if ((motion == RAIL || motion == ROAD_VEHICLE) && f.signalLossShare() < UNDERGROUND_MIN_SHARE) {
            if (network.onRails()) {
                return RAIL;
            }
            if (network.onRoads()) {
                return ROAD_VEHICLE;
            }
        }
        return motion;
    }

    /** The class of a segment's features by its motion alone; a NaN median gives {@link #UNKNOWN}. */
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
        return f.p95Kmh() >= RAIL_MIN_CRUISE_KMH && f.medianKmh() >= RAIL_MIN_MEDIAN_KMH
                && f.turnsPerKm() < RAIL_MAX_TURNS_PER_KM
                && f.stopSpacingMedianMeters() >= RAIL_MIN_STOP_SPACING_METERS
                && f.stopSpacingCv() <= RAIL_MAX_STOP_SPACING_CV && f.plateauCv() <= RAIL_MAX_PLATEAU_CV;
    }
}
