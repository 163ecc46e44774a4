package dev.tracks.analysis.worker.roadoverlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.roadoverlap.TripOverlap.Method;
import dev.tracks.analysis.worker.roads.RoadGraph;
import dev.tracks.analysis.worker.roads.RoadGrid;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.ChunkedRun;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * road_overlap's measure on a synthetic street grid (200 m blocks, row 0 primary, columns residential, 1.4 km wide)
 * with fixes every 10 s at 50 km/h and 10 m of GPS noise: a trip along the streets overlaps fully, one that goes on
 * into a field by its share on the streets, one far from every road and one across two unconnected networks fall back
 * to proximity; chunked calls equal one call.
 */
class RoadOverlapTest {

    private static final RoadOverlapParams DEFAULTS = SkillParams.defaults(RoadOverlapParams.class);
    private static final Instant MORNING = Instant.parse("2026-05-04T07:00:00Z");
    private static final RoadGrid GRID = RoadGrid.at(60.17, 24.94, 6, 8, 200);
    private static final RoadGraph ROADS = RoadGraph.of(GRID.network(1));

    private static SyntheticTrack drive(double row, double column, long seed) {
        return SyntheticTrack.startingAt(MORNING, GRID.lat(row), GRID.lon(column), seed)
                .sampleEvery(Duration.ofSeconds(10)).moveNoise(10);
    }

    /** The track's fixes with one more at the end of its last move (moves record none at their arrival). */
    private static Fixes arrived(SyntheticTrack track) {
        return track.fixAt(track.lat(), track.lon()).fixes();
    }

    private static TripOverlap overlap(Fixes fixes, RoadGraph roads) {
        return RoadOverlap.of(fixes.id(0), fixes, 0, fixes.size(), roads, DEFAULTS);
    }

    @Test
    void aTripAlongTheStreetsIsMatchedWholeAndSplitByRoadClass() {
        // 1 km east on the primary row 0, then 500 m north on residential column 5.
        Fixes fixes = arrived(drive(0, 0, 3).move(90, 1000, 50).move(0, 500, 50));
        TripOverlap trip = overlap(fixes, ROADS);

        assertThat(trip.method()).isEqualTo(Method.MAP_MATCHING);
        assertThat(trip.fixCount()).isEqualTo(fixes.size());
        // Fixes 139 m apart: nearly all more than 2 sigma (100 m) apart, but at the corner and the end.
        assertThat(trip.sampledFixes()).isBetween(fixes.size() - 2, fixes.size());
        assertThat(trip.gpsLengthMeters()).isCloseTo(1500, within(60.0));
        assertThat(trip.matchedLengthMeters() / trip.gpsLengthMeters()).isCloseTo(1, within(0.04));
        assertThat(trip.matchedByClass()).containsOnlyKeys("primary", "residential");
        assertThat(trip.matchedByClass().get("primary")).isCloseTo(1000, within(40.0));
        assertThat(trip.matchedByClass().get("residential")).isCloseTo(500, within(40.0));
        // |N(0, 10 m)| across the street is within 20 m for 95% of the fixes.
        assertThat((double) trip.nearFixes() / trip.sampledFixes()).isGreaterThan(0.85);
        assertThat(trip.nearByClass().keySet()).containsExactly("primary", "residential");
    }

    @Test
    void aStretchAcrossAFieldLowersTheOverlapByItsShare() {
        // 1 km east on row 0 to the grid's eastern end, then 1 km on east across a field without roads.
        Fixes fixes = arrived(drive(0, 2, 4).move(90, 1000, 50).move(90, 1000, 50));
        TripOverlap trip = overlap(fixes, ROADS);

        assertThat(trip.method()).isEqualTo(Method.MAP_MATCHING);
        assertThat(trip.gpsLengthMeters()).isCloseTo(2000, within(80.0));
        // The field's fixes within 200 m of the last crossing match to it: no length beyond the road's end.
        assertThat(trip.matchedLengthMeters()).isCloseTo(1000, within(40.0));
        assertThat(trip.matchedLengthMeters() / trip.gpsLengthMeters()).isCloseTo(0.5, within(0.04));
        assertThat((double) trip.nearFixes() / trip.sampledFixes()).isCloseTo(0.5, within(0.08));
    }

    @Test
    void aTripFarFromEveryRoadFallsBackToProximity() {
        Fixes fixes = SyntheticTrack.startingAt(MORNING, GRID.lat(0) + 0.3, GRID.lon(0), 5)
                .sampleEvery(Duration.ofSeconds(10)).moveNoise(10).move(90, 1000, 50).fixes();
        TripOverlap trip = overlap(fixes, ROADS);

        assertThat(trip.method()).isEqualTo(Method.PROXIMITY);
        assertThat(trip.matchedLengthMeters()).isNaN();
        assertThat(trip.matchedByClass()).isEmpty();
        assertThat(trip.nearFixes()).isZero();
        assertThat(trip.nearByClass()).isEmpty();
    }

    @Test
    void matchingBreaksBetweenTwoUnconnectedNetworksAndTheTripFallsBackToProximity() {
        // A second grid 150 m east of the first, with no road between them: every fix has a road within 200 m, but
        // no road route joins the two.
        RoadGrid east = RoadGrid.at(60.17, GRID.lon(7.75), 6, 8, 200).numberedFrom(1_000_000_000);
        List<OsmWay> ways = new ArrayList<>(GRID.ways());
        ways.addAll(east.ways());
        RoadGraph two = RoadGraph.of(OsmNetwork.of(2, ways, List.of()));
        Fixes fixes = drive(0, 4, 6).move(90, 1350, 50).fixes();

        assertThat(overlap(fixes, ROADS).method()).as("on the first grid alone, the trip goes into a field")
                .isEqualTo(Method.MAP_MATCHING);
        TripOverlap trip = overlap(fixes, two);
        assertThat(trip.method()).isEqualTo(Method.PROXIMITY);
        assertThat(trip.matchedLengthMeters()).isNaN();
        assertThat((double) trip.nearFixes() / trip.sampledFixes()).isBetween(0.7, 1.0);
        assertThat(trip.nearByClass()).containsOnlyKeys("primary", "residential");
    }

    @Test
    void jitterAtAStopCountsNeitherAsTravelNorAsRoad() {
        // 500 m east on row 0, half an hour at the roadside 60 m off the road (8 m of jitter), 500 m on.
        Fixes fixes = arrived(drive(0, 0, 10).move(90, 500, 50).move(180, 60, 5).stay(Duration.ofMinutes(30), 8)
                .move(0, 60, 5).move(90, 500, 50));
        TripOverlap trip = overlap(fixes, ROADS);

        assertThat(trip.fixCount()).isGreaterThan(180);
        assertThat(trip.sampledFixes()).isLessThan(20);
        assertThat(trip.gpsLengthMeters()).isCloseTo(1000, within(150.0));
        assertThat(trip.method()).isEqualTo(Method.MAP_MATCHING);
        assertThat(trip.matchedLengthMeters() / trip.gpsLengthMeters()).isCloseTo(1, within(0.15));
    }

    @Test
    void aTripOfOneFixHasNoLengthAndNothingToMatch() {
        Fixes fixes = new Fixes().add(7, MORNING.toEpochMilli(), GRID.lat(0), GRID.lon(3), Double.NaN, Double.NaN);
        TripOverlap trip = overlap(fixes, ROADS);

        assertThat(trip.method()).isEqualTo(Method.PROXIMITY);
        assertThat(trip.gpsLengthMeters()).isZero();
        assertThat(trip.sampledFixes()).isOne();
        assertThat(trip.nearFixes()).isOne();
        assertThat(trip.startMillis()).isEqualTo(trip.endMillis());
    }

    @Test
    void chunkedCallsGiveWhatOneCallGives() {
        // Three trips, 10 minutes apart: along the streets, into the field, and far from every road.
        SyntheticTrack track = drive(0, 0, 8);
        List<TripSpan> trips = new ArrayList<>();
        int first = 0;
        for (double[] leg : new double[][] {{90, 1000}, {0, 1000}, {90, 2000}}) {
            long start = track.nowMillis();
            track.move(leg[0], leg[1], 50);
            trips.add(new TripSpan(track.fixes().id(first), start, track.fixes().time(track.fixes().size() - 1)));
            first = track.fixes().size();
            track.gap(Duration.ofMinutes(10));
        }
        Fixes fixes = track.fixes();
        ChunkedRun.Analysis<TripOverlap> analysis = (chunk, from) -> RoadOverlapSkill.overlaps(chunk, from, trips,
                ROADS, DEFAULTS);
        List<TripOverlap> whole = ChunkedRun.whole(fixes, analysis);
        assertThat(whole).extracting(TripOverlap::method).containsExactly(Method.MAP_MATCHING, Method.MAP_MATCHING,
                Method.MAP_MATCHING);

        Random random = new Random(9);
        for (int attempt = 0; attempt < 10; attempt++) {
            int[] cuts = random.ints(1 + random.nextInt(6), 1, fixes.size()).sorted().toArray();
            assertThat(ChunkedRun.inChunks(fixes, cuts, analysis)).isEqualTo(whole);
        }
    }
}
