package dev.tracks.analysis.worker.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One search from a point to many points on a synthetic grid (200 m blocks; rows tertiary at 50 km/h, columns
 * residential at 30, column 1 one-way northbound) whose answers are known: on foot from a crossing every point of the
 * streets lies at its Manhattan distance; by car the one-way column is entered from its south end; one search to many
 * targets costs each what a search to it alone costs; the pieces of a path add up to its cost.
 */
class RoadSearchTest {

    private static final RoadGrid GRID = RoadGrid.at(60.17, 24.94, 6, 8, 200);
    private static final RoadGraph ROADS = RoadGraph.of(GRID.network(1));

    /** The road point at a grid position (row, column), fractional along one street. */
    private static RoadPoint at(double row, double column) {
        RoadPoint[] points = ROADS.candidates(GRID.lat(row), GRID.lon(column), 1);
        assertThat(points).as("a road at row %s, column %s", row, column).isNotEmpty();
        return points[0];
    }

    @Test
    void onFootEveryPointOfTheStreetsLiesAtItsManhattanDistanceFromACrossing() {
        Random random = new Random(5);
        RoadSearch search = new RoadSearch(ROADS);
        for (int attempt = 0; attempt < 40; attempt++) {
            int row = random.nextInt(6);
            int column = random.nextInt(8);
            RoadPoint source = at(row, column);
            double[][] positions = new double[8][];
            RoadPoint[] targets = new RoadPoint[positions.length];
            for (int i = 0; i < targets.length; i++) {
                double along = random.nextDouble();
                positions[i] = random.nextBoolean()
                        ? new double[] {random.nextInt(6), random.nextInt(7) + along}
                        : new double[] {random.nextInt(5) + along, random.nextInt(8)};
                targets[i] = at(positions[i][0], positions[i][1]);
            }

            double[] costs = search.costs(RoadProfile.FOOT, source, targets, Double.POSITIVE_INFINITY);
            for (int i = 0; i < targets.length; i++) {
                double manhattan = (Math.abs(positions[i][0] - row) + Math.abs(positions[i][1] - column)) * 200;
                assertThat(costs[i]).as("to %s, %s", positions[i][0], positions[i][1])
                        .isCloseTo(manhattan, within(0.005 * manhattan + 0.01));
                double[] alone = search.costs(RoadProfile.FOOT, source, new RoadPoint[] {targets[i]},
                        Double.POSITIVE_INFINITY);
                assertThat(alone[0]).isEqualTo(costs[i]);
                double[] pieces = new double[1];
                search.path(0, (edge, from, to) -> pieces[0] += Math.abs(to - from));
                assertThat(pieces[0]).isCloseTo(costs[i], within(1e-6));
            }
        }
    }

    @Test
    void byCarTheOneWayColumnIsEnteredFromItsSouthEnd() {
        RoadSearch search = new RoadSearch(ROADS);
        RoadPoint source = at(4, 1);
        RoadPoint[] target = {at(1.5, 1)};

        double seconds = search.costs(RoadProfile.CAR, source, target, Double.POSITIVE_INFINITY)[0];
        double[] meters = new double[1];
        search.path(0, (edge, from, to) -> meters[0] += Math.abs(to - from));

        // One block west (or east) on tertiary row 4, three south on a residential column, one back east on tertiary
        // row 1, half a block north on column 1: 1,100 m, where on foot it is 500.
        double expected = 400 / (50 / 3.6) + 700 / (30 / 3.6);
        assertThat(seconds).isCloseTo(expected, within(0.005 * expected));
        assertThat(meters[0]).isCloseTo(1100, within(5.5));
        assertThat(search.costs(RoadProfile.FOOT, source, target, Double.POSITIVE_INFINITY)[0])
                .isCloseTo(500, within(2.5));
        assertThat(search.costs(RoadProfile.CAR, source, target, expected - 1)[0])
                .as("beyond the limit").isInfinite();
    }

    @Test
    void aTargetOnTheSourcesEdgeIsReachedAlongItUnlessTheWayIsOneWayAgainst() {
        RoadSearch search = new RoadSearch(ROADS);
        RoadPoint north = at(2.75, 1);
        RoadPoint south = at(2.25, 1);

        assertThat(search.costs(RoadProfile.FOOT, north, new RoadPoint[] {south}, Double.POSITIVE_INFINITY)[0])
                .isCloseTo(100, within(0.5));
        assertThat(search.costs(RoadProfile.CAR, south, new RoadPoint[] {north}, Double.POSITIVE_INFINITY)[0])
                .isCloseTo(100 / (30 / 3.6), within(0.1));
        // Southbound by car: round a block and back in from the south end of the column's block.
        double[] meters = new double[1];
        search.costs(RoadProfile.CAR, north, new RoadPoint[] {south}, Double.POSITIVE_INFINITY);
        search.path(0, (edge, from, to) -> meters[0] += Math.abs(to - from));
        assertThat(meters[0]).isCloseTo(50 + 200 + 200 + 200 + 50, within(5.0));
    }
}
