package dev.tracks.analysis.worker.mode;

/**
 * Where a motorized segment ran relative to the OSM load's railway tracks and car roads ({@link ModeNetwork}), and
 * what that decides: on rails when at least {@link #ON_MIN_SHARE} of its sampled fixes lie near a track and at most
 * {@link #ELSEWHERE_MAX_SHARE} near a car road; on roads the other way round. A tram on a street, or a line beside a
 * motorway, is near both and decides nothing: the kinematic rules keep the segment. So does a segment with fewer than
 * {@link #MIN_COVERED} fixes inside the load's box, or with less than {@link #MIN_COVERED_SHARE} of them inside.
 *
 * @param sampled fixes of the segment at least {@link ModeNetwork#SAMPLE_METERS} apart
 * @param covered those inside the load's box
 * @param railShare share of the covered fixes near a track
 * @param roadShare share of the covered fixes near a car road
 */
record NetworkEvidence(int sampled, int covered, double railShare, double roadShare) {

    static final NetworkEvidence NONE = new NetworkEvidence(0, 0, Double.NaN, Double.NaN);

    static final int MIN_COVERED = 5;
    static final double MIN_COVERED_SHARE = 0.8;
    static final double ON_MIN_SHARE = 0.8;
    static final double ELSEWHERE_MAX_SHARE = 0.3;

    static NetworkEvidence of(int sampled, int covered, int nearRail, int nearRoad) {
        return covered == 0 ? new NetworkEvidence(sampled, 0, Double.NaN, Double.NaN)
                : new NetworkEvidence(sampled, covered, (double) nearRail / covered, (double) nearRoad / covered);
    }

    private boolean decides() {
        return covered >= MIN_COVERED && covered >= MIN_COVERED_SHARE * sampled;
    }

    boolean onRails() {
        return decides() && railShare >= ON_MIN_SHARE && roadShare <= ELSEWHERE_MAX_SHARE;
    }

    boolean onRoads() {
        return decides() && roadShare >= ON_MIN_SHARE && railShare <= ELSEWHERE_MAX_SHARE;
    }
}
