package dev.tracks.analysis.worker.mode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.osm.OsmStation;
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
 * a primary road, a railway, both (a tram on a street), or one far away; tram stops at the ride's stops or away from them.
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

    /** The stop-and-go ride's legs east: metres and km/h, each followed by a 20 s stop. */
    private static final double[][] STOP_AND_GO = {{350, 40}, {120, 20}, {600, 45}, {200, 25}, {90, 10}, {450, 40},
        {300, 30}, {700, 45}, {150, 15}, {500, 35}};

    private static Fixes stopAndGoRide() {
        SyntheticTrack track = walkTo();
        for (double[] leg : STOP_AND_GO) {
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
        return network(List.of(), ways);
    }

    private static ModeNetwork network(List<OsmStation> stations, OsmWay... ways) {
        return ModeNetwork.of(OsmNetwork.of(1, List.of(ways), stations));
    }

    /** A station at each stop of the stop-and-go ride. */
    private static List<OsmStation> stationsAtTheStops() {
        List<OsmStation> stations = new ArrayList<>();
        double east = 0;
        for (double[] leg : STOP_AND_GO) {
            east += leg[0];
            stations.add(station(stations.size() + 1, east));
        }
        return stations;
    }

    /** A station on the line, {@code eastMeters} east of the ride's start. */
    private static OsmStation station(long id, double eastMeters) {
        double[] position = Geodesy.destination(LAT, LON, 90, eastMeters);
        return new OsmStation(id, "tram_stop", "", position[0], position[1]);
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
    void aTramOnAStreetThatStopsAtItsStopsIsRailAndACarBesideTheTracksIsNot() {
        Fixes ride = stopAndGoRide();
        OsmWay street = along(1, Network.ROAD, "secondary", 5);
        OsmWay tracks = along(2, Network.RAIL, "tram", -5);

        assertThat(rideMode(ride, network(stationsAtTheStops(), street, tracks))).isEqualTo(FineMode.RAIL);
        // The same tracks and street with the line's stations 700 m before the ride and 300 m after it: a car at
        // lights beside a tram line.
        assertThat(rideMode(ride, network(List.of(station(1, -700), station(2, 3_760)), street, tracks)))
                .isEqualTo(FineMode.ROAD_VEHICLE);
        // Stations without tracks decide nothing.
        assertThat(rideMode(ride, network(stationsAtTheStops(), street))).isEqualTo(FineMode.ROAD_VEHICLE);
    }

    @Test
    void walksAndUndergroundRidesKeepTheirMode() {
        NetworkEvidence onRoads = NetworkEvidence.of(10, 10, 0, 10, 0, 0);
        NetworkEvidence onRails = NetworkEvidence.of(10, 10, 10, 0, 0, 0);
        SegmentFeatures walk = new SegmentFeatures(4.5, 6, 2, 100, 1, 1, 0.1, 0.1, 300, 0.5, Double.NaN, 0.2, 0);
        assertThat(FineMode.of(walk, onRails)).isEqualTo(FineMode.WALK);
        SegmentFeatures underground = new SegmentFeatures(35, 60, 0, 0, 1, 1, 0.5, 0.5, Double.NaN, Double.NaN,
                Double.NaN, 0.05, 0.6);
        assertThat(FineMode.of(underground, onRoads)).isEqualTo(FineMode.RAIL);
        // Too few fixes inside the load's box, or too small a share of them: no decision.
        assertThat(NetworkEvidence.of(4, 4, 4, 0, 0, 0).onRails()).isFalse();
        assertThat(NetworkEvidence.of(20, 10, 10, 0, 0, 0).onRails()).isFalse();
        assertThat(NetworkEvidence.NONE.onRoads()).isFalse();
    }
}
