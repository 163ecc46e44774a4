package dev.tracks.analysis.worker.mode;

/**
 * Where a motorized segment ran relative to the OSM load's railway tracks, car roads and stations
 * ({@link ModeNetwork}), and what that decides: on rails when at least {@link #ON_MIN_SHARE} of its sampled fixes lie
 * near a track and at most {@link #ELSEWHERE_MAX_SHARE} near a car road, or when they lie near a track and at least
 * {@link #MIN_STOPS} stops, {@link #ON_MIN_SHARE} of them, are at stations (a line beside a road, a tram on a street
 * stopping at its stops: traffic stops at lights and junctions, not at stations); on roads when it ran near car roads
 * and away from tracks. Near both without stops at stations, the kinematic rules keep the segment. So does a segment
 * with fewer than {@link #MIN_COVERED} fixes inside the load's box, or with less than {@link #MIN_COVERED_SHARE} of
 * them inside.
 *
 * @param sampled fixes of the segment at least {@link ModeNetwork#SAMPLE_METERS} apart
 * @param covered those inside the load's box
 * @param railShare share of the covered fixes near a track
 * @param roadShare share of the covered fixes near a car road
 * @param stops the segment's stops
 * @param stopsAtStations those within {@link ModeNetwork#STATION_METERS} of a station
 */
record NetworkEvidence(int sampled, int covered, double railShare, double roadShare, int stops, int stopsAtStations) {

    static final NetworkEvidence NONE = new NetworkEvidence(0, 0, Double.NaN, Double.NaN, 0, 0);
    static final int MIN_STOPS = 2;

    static final int MIN_COVERED = 5;
    static final double MIN_COVERED_SHARE = 0.8;
    static final double ON_MIN_SHARE = 0.8;
    static final double ELSEWHERE_MAX_SHARE = 0.3;

    static NetworkEvidence of(int sampled, int covered, int nearRail, int nearRoad, int stops, int stopsAtStations) {
        return covered == 0 ? new NetworkEvidence(sampled, 0, Double.NaN, Double.NaN, stops, stopsAtStations)
                : new NetworkEvidence(sampled, covered, (double) nearRail / covered, (double) nearRoad / covered, stops,
                        stopsAtStations);
    }

    private boolean decides() {
        return covered >= MIN_COVERED && covered >= MIN_COVERED_SHARE * sampled;
    }

    boolean onRails() {
        return decides() && railShare >= ON_MIN_SHARE && (roadShare <= ELSEWHERE_MAX_SHARE
                || stops >= MIN_STOPS && stopsAtStations >= ON_MIN_SHARE * stops);
    }

    boolean onRoads() {
        return decides() && roadShare >= ON_MIN_SHARE && railShare <= ELSEWHERE_MAX_SHARE;
    }
}
