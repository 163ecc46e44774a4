package dev.tracks.analysis.worker.mode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OSM load decides between rail and road where the motion cannot. Two rides east along a straight line from
 * 47.0 N, 8.0 E, fixes every 2 s with 5 m of GPS noise, between walks: one at a steady 60 km/h with 30 s stops every
 * 1.2 km (by its motion a train: no turns, regular stations, a held line speed), one of stop-and-go at 10 to 45 km/h
 * with stops at irregular distances (by its motion a road vehicle). The network is a straight way along the line:
 * a primary road, a railway, both (a tram on a street), or one far away.
 */
class ModeNetworkTest {

    private static final TransportModeParams DEFAULTS = SkillParams.defaults(TransportModeParams.class);
    private static final double LAT = 47.0;
    private static final double LON = 8.0;

    private static SyntheticTrack walkTo() {
        return SyntheticTrack.startingAt(Instant.parse("2026-05-04T07:00:00Z"), LAT, LON - 0.004, 3)
                .sampleEvery(Duration.ofSeconds(2)).moveNoise(5).stay(Duration.ofMinutes(10), 5)
                .move(90, 300, 4.5).stay(Duration.ofMinutes(1), 5);
    }

    private static Fixes trainLikeRide() {
        SyntheticTrack track = walkTo();
        for (int station = 0; station < 6; station++) {
            track.move(90, 1200, 60).stay(Duration.ofSeconds(30), 3);
        }
        return track.move(0, 200, 4.5).stay(Duration.ofMinutes(10), 5).fixes();
    }

    private static Fixes stopAndGoRide() {
        SyntheticTrack track = walkTo();
        double[][] legs = {{350, 40}, {120, 20}, {600, 45}, {200, 25}, {90, 10}, {450, 40}, {300, 30}, {700, 45},
                {150, 15}, {500, 35}};
        for (double[] leg : legs) {
            track.move(90, leg[0], leg[1]).stay(Duration.ofSeconds(20), 3);
        }
        return track.move(0, 200, 4.5).stay(Duration.ofMinutes(10), 5).fixes();
    }

    /** A straight way of the network from 1 km west of the line's start to 12 km east of it, at a latitude offset. */
    private static OsmWay along(long id, Network network, String wayClass, double northMeters) {
        double[] west = Geodesy.destination(Geodesy.destination(LAT, LON, 0, northMeters)[0], LON, 270, 1_000);
        double[] east = Geodesy.destination(west[0], west[1], 90, 13_000);
        return new OsmWay(id, network, wayClass, "", 0, Double.NaN, "", new long[] {id * 10, id * 10 + 1},
                new double[] {west[0], east[0]}, new double[] {west[1], east[1]});
    }

    private static FineMode rideMode(Fixes fixes, ModeNetwork network) {
        List<MovementSegment> segments = new ArrayList<>(TransportMode.segments(fixes, 0, DEFAULTS, network).finals());
        segments.addAll(TransportMode.segments(fixes, 0, DEFAULTS, network).provisional());
        return segments.stream().filter(segment -> segment.lengthMeters() > 3_000).map(MovementSegment::fine)
                .findFirst().orElseThrow(() -> new AssertionError("no ride segment among " + segments));
    }

    private static ModeNetwork network(OsmWay... ways) {
        return ModeNetwork.of(OsmNetwork.of(1, List.of(ways), List.of()));
    }

    @Test
    void aRideThatMovesLikeATrainIsARoadVehicleOnARoadAwayFromRails() {
        Fixes ride = trainLikeRide();
        assertThat(rideMode(ride, ModeNetwork.NONE)).as("by its motion").isEqualTo(FineMode.RAIL);

        assertThat(rideMode(ride, network(along(1, Network.ROAD, "primary", 5)))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(rideMode(ride, network(along(2, Network.RAIL, "rail", -5)))).isEqualTo(FineMode.RAIL);
        // On rails and a road at once (a tram on a street): the motion decides.
        assertThat(rideMode(ride, network(along(1, Network.ROAD, "primary", 5), along(2, Network.RAIL, "tram", -5))))
                .isEqualTo(FineMode.RAIL);
        // The load covers somewhere else: no evidence.
        assertThat(rideMode(ride, network(along(1, Network.ROAD, "primary", 50_000)))).isEqualTo(FineMode.RAIL);
    }

    @Test
    void aRideThatMovesLikeTrafficIsRailOnTracksAwayFromRoads() {
        Fixes ride = stopAndGoRide();
        assertThat(rideMode(ride, ModeNetwork.NONE)).as("by its motion").isEqualTo(FineMode.ROAD_VEHICLE);

        assertThat(rideMode(ride, network(along(2, Network.RAIL, "light_rail", 5)))).isEqualTo(FineMode.RAIL);
        assertThat(rideMode(ride, network(along(1, Network.ROAD, "secondary", -5)))).isEqualTo(FineMode.ROAD_VEHICLE);
        // A footway is no car road, and an abandoned railway no track: neither decides.
        assertThat(rideMode(ride, network(along(1, Network.ROAD, "footway", 5), along(2, Network.RAIL, "abandoned",
                -5)))).isEqualTo(FineMode.ROAD_VEHICLE);
    }

    @Test
    void walksAndUndergroundRidesKeepTheirMode() {
        NetworkEvidence onRoads = NetworkEvidence.of(10, 10, 0, 10);
        NetworkEvidence onRails = NetworkEvidence.of(10, 10, 10, 0);
        SegmentFeatures walk = new SegmentFeatures(4.5, 6, 2, 100, 1, 1, 0.1, 0.1, 300, 0.5, Double.NaN, 0.2, 0);
        assertThat(FineMode.of(walk, onRails)).isEqualTo(FineMode.WALK);
        SegmentFeatures underground = new SegmentFeatures(35, 60, 0, 0, 1, 1, 0.5, 0.5, Double.NaN, Double.NaN,
                Double.NaN, 0.05, 0.6);
        assertThat(FineMode.of(underground, onRoads)).isEqualTo(FineMode.RAIL);
        // Too few fixes inside the load's box, or too small a share of them: no decision.
        assertThat(NetworkEvidence.of(4, 4, 4, 0).onRails()).isFalse();
        assertThat(NetworkEvidence.of(20, 10, 10, 0).onRails()).isFalse();
        assertThat(NetworkEvidence.NONE.onRoads()).isFalse();
    }
}
