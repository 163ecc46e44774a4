package dev.tracks.analysis.worker.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.junit.jupiter.api.Test;

class LocationGeneratorTest {

    private static final long HOUR = 3_600_000L;
    private static final double[] HOME = {47.3769, 8.5417};
    private static final double[] WORK = Geodesy.destination(HOME[0], HOME[1], 60, 2_000);
    private static final double[] GYM = Geodesy.destination(HOME[0], HOME[1], 200, 3_000);

    @Test
    void threePlacesWithNoisyStaysAreThreeLocationsWithExactVisits() {
        Random random = new Random(11);
        double[][] sequence = {HOME, WORK, HOME, GYM, HOME, WORK, HOME, GYM, HOME, WORK};
        List<StoredStay> stays = new ArrayList<>();
        for (int i = 0; i < sequence.length; i++) {
            double[] at = Geodesy.destination(sequence[i][0], sequence[i][1], random.nextDouble() * 360,
                    random.nextDouble() * 30);
            stays.add(new StoredStay(100 + i, i * 10 * HOUR, i * 10 * HOUR + (i + 1) * HOUR, at[0], at[1]));
        }

        LocationResult result = LocationGenerator.generateLocations(stays, SkillParams.defaults(StayStatsParams.class));

        assertThat(result.locations()).extracting(Location::locationId, Location::visitCount)
                .containsExactly(tuple(0, 5), tuple(1, 3), tuple(2, 2));
        Location home = result.locations().get(0);
        assertThat(home.totalDwellMillis()).isEqualTo((1 + 3 + 5 + 7 + 9) * HOUR);
        assertThat(home.firstVisitMillis()).isZero();
        assertThat(home.lastVisitMillis()).isEqualTo(80 * HOUR + 9 * HOUR);
        assertThat(Geodesy.distanceMeters(home.lat(), home.lon(), HOME[0], HOME[1])).isLessThan(30);
        assertThat(Geodesy.distanceMeters(result.locations().get(2).lat(), result.locations().get(2).lon(), GYM[0],
                GYM[1])).isLessThan(30);
        assertThat(result.stayLocations()).extracting(StayLocation::locationId)
                .containsExactly(0, 1, 0, 2, 0, 1, 0, 2, 0, 1);
        assertThat(result.locations()).extracting(Location::role).containsOnly(LocationRole.OTHER);
    }

    @Test
    void staysChainWithinEpsilonAndSplitBeyondIt() {
        List<StoredStay> stays = new ArrayList<>();
        double[] at = HOME;
        for (int i = 0; i < 5; i++) {
            stays.add(new StoredStay(i, i * HOUR, i * HOUR + 1, at[0], at[1]));
            at = Geodesy.destination(at[0], at[1], 90, i == 2 ? 120 : 80);
        }

        LocationResult result = LocationGenerator.generateLocations(stays, SkillParams.defaults(StayStatsParams.class));

        assertThat(result.stayLocations()).extracting(StayLocation::locationId).containsExactly(0, 0, 0, 1, 1);
        assertThat(Geodesy.distanceMeters(stays.get(0).lat(), stays.get(0).lon(), stays.get(2).lat(),
                stays.get(2).lon())).isGreaterThan(100);
    }

    @Test
    void withMinSamplesAboveOneLoneStaysAreNoiseAndBordersJoin() {
        double[] border = Geodesy.destination(HOME[0], HOME[1], 0, 90);
        double[] lone = Geodesy.destination(HOME[0], HOME[1], 180, 500);
        List<StoredStay> stays = List.of(
                new StoredStay(1, 0, 10, lone[0], lone[1]),
                new StoredStay(2, 20, 30, border[0], border[1]),
                new StoredStay(3, 40, 50, HOME[0], HOME[1]),
                new StoredStay(4, 60, 70, HOME[0], HOME[1] + 0.0001),
                new StoredStay(5, 80, 90, HOME[0] - 0.0001, HOME[1]));

        LocationResult result = LocationGenerator.generateLocations(stays, new StayStatsParams(100, 3));

        assertThat(result.stayLocations()).extracting(StayLocation::locationId)
                .containsExactly(StayLocation.NOISE, 0, 0, 0, 0);
        assertThat(result.locations()).singleElement().extracting(Location::visitCount).isEqualTo(4);
        assertThat(result.locations().get(0).firstVisitMillis()).isEqualTo(20);
    }

    @Test
    void theCentreIsTheMeanOfDistinctPositionsAcrossTheAntimeridian() {
        List<StoredStay> stays = List.of(
                new StoredStay(1, 0, 10, 10.0, 179.9996),
                new StoredStay(2, 20, 30, 10.0, 179.9996),
                new StoredStay(3, 40, 50, 10.0002, -179.9998));

        Location location = LocationGenerator.generateLocations(stays, SkillParams.defaults(StayStatsParams.class)).locations().get(0);

        assertThat(location.visitCount()).isEqualTo(3);
        assertThat(location.lat()).isCloseTo(10.0001, within(1e-12));
        assertThat(location.lon()).isCloseTo(179.9999, within(1e-9));
    }

    @Test
    void oneStayIsOneLocationAndNoStaysNone() {
        LocationResult one = LocationGenerator.generateLocations(List.of(new StoredStay(9, 5, 65, 1, 2)),
                SkillParams.defaults(StayStatsParams.class));
        assertThat(one.locations()).containsExactly(new Location(0, 1, 2, 1, 60, 5, 65, LocationRole.OTHER));
        assertThat(one.stayLocations()).containsExactly(new StayLocation(9, 0));

        LocationResult none = LocationGenerator.generateLocations(List.of(), SkillParams.defaults(StayStatsParams.class));
        assertThat(none.locations()).isEmpty();
        assertThat(none.stayLocations()).isEmpty();
    }

    @Test
    void gridDbscanPartitionsLikeCommonsMathDbscan() {
        Random random = new Random(21);
        List<StoredStay> stays = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            double[] hub = Geodesy.destination(HOME[0], HOME[1], random.nextInt(8) * 45, random.nextInt(4) * 400);
            double[] at = Geodesy.destination(hub[0], hub[1], random.nextDouble() * 360,
                    Math.abs(random.nextGaussian()) * 120);
            stays.add(new StoredStay(i, i * HOUR, i * HOUR + HOUR, at[0], at[1]));
        }
        for (int minSamples : new int[] {1, 4}) {
            LocationResult result = LocationGenerator.generateLocations(stays, new StayStatsParams(100, minSamples));
            assertThat(partition(result)).as("minSamples %d", minSamples)
                    .isEqualTo(commonsMathPartition(stays, 100, minSamples))
                    .hasSizeGreaterThan(8);
        }
    }

    private static Set<Set<Long>> partition(LocationResult result) {
        return result.stayLocations().stream().filter(s -> s.locationId() != StayLocation.NOISE)
                .collect(Collectors.groupingBy(StayLocation::locationId,
                        Collectors.mapping(StayLocation::stayId, Collectors.toSet())))
                .values().stream().collect(Collectors.toSet());
    }

    /** commons-math3 DBSCAN with a haversine measure; its minPts does not count the point itself. */
    private static Set<Set<Long>> commonsMathPartition(List<StoredStay> stays, double epsilon, int minSamples) {
        DBSCANClusterer<StayPoint> clusterer = new DBSCANClusterer<>(epsilon, minSamples - 1,
                (a, b) -> Geodesy.distanceMeters(a[0], a[1], b[0], b[1]));
        List<StayPoint> points = stays.stream().map(StayPoint::new).toList();
        Set<Set<Long>> clusters = new HashSet<>();
        for (Cluster<StayPoint> cluster : clusterer.cluster(points)) {
            clusters.add(cluster.getPoints().stream().map(p -> p.stay.id()).collect(Collectors.toSet()));
        }
        return clusters;
    }

    /** Identity-equal, so that stays at equal positions stay distinct in commons-math's status map. */
    private static final class StayPoint implements Clusterable {
        private final StoredStay stay;

        StayPoint(StoredStay stay) {
            this.stay = stay;
        }

        @Override
        public double[] getPoint() {
            return new double[] {stay.lat(), stay.lon()};
        }
    }
}
