package dev.tracks.analysis.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.junit.jupiter.api.Test;

/** Where a segment meets a boundary, on squares and an L-shape whose edges are known. */
class BoundaryCrossingTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static Geometry polygon(double... lonLat) {
        Coordinate[] ring = new Coordinate[lonLat.length / 2 + 1];
        for (int i = 0; i < lonLat.length / 2; i++) {
            ring[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        }
        ring[ring.length - 1] = ring[0];
        return FACTORY.createPolygon(ring);
    }

    private static Geometry square(double minLon, double minLat, double maxLon, double maxLat) {
        return polygon(minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat);
    }

    @Test
    void aSegmentLeavingASquareMeetsItsEdgeAtTheKnownFraction() {
        List<Geometry> west = List.of(square(8, 47, 8.6, 48));
        // From lon 8.55 to 8.65 along lat 47.5: the edge lon 8.6 is half way.
        assertThat(BoundaryCrossing.fraction(west, 47.5, 8.55, 47.5, 8.65, true)).isCloseTo(0.5, within(1e-12));
        // Diagonally from (47.2, 8.5) to (47.3, 8.7): lon 8.6 at half way, too.
        assertThat(BoundaryCrossing.fraction(west, 47.2, 8.5, 47.3, 8.7, true)).isCloseTo(0.5, within(1e-12));
        assertThat(BoundaryCrossing.fraction(west, 47.5, 8.6, 47.5, 8.7, true)).as("from a fix on the edge")
                .isZero();
        assertThat(BoundaryCrossing.fraction(west, 47.5, 8.7, 47.5, 8.8, true)).as("no boundary met").isNaN();
    }

    @Test
    void theFirstExitAndTheLastEntryOfABoundaryMetSeveralTimes() {
        // An L over lon 0..2, lat 0..2 without the square lon 1..2, lat 1..2; a segment along lat 1.5 from lon 0.5
        // to 3 leaves it at lon 1 only; along the diagonal from (0.5, 0.5) to (2.5, 2.5) it leaves at (1, 1).
        List<Geometry> ell = List.of(polygon(0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2));
        assertThat(BoundaryCrossing.fraction(ell, 1.5, 0.5, 1.5, 3, true)).isCloseTo(0.2, within(1e-12));
        // Along lat 0.5 from lon -1 to 3: enters at lon 0 (0.25), leaves at lon 2 (0.75).
        assertThat(BoundaryCrossing.fraction(ell, 0.5, -1, 0.5, 3, true)).isCloseTo(0.25, within(1e-12));
        assertThat(BoundaryCrossing.fraction(ell, 0.5, -1, 0.5, 3, false)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aSegmentAcrossTheAntimeridianMeetsAreasSplitThere() {
        List<Geometry> east = List.of(square(170, 0, 180, 10));
        List<Geometry> west = List.of(square(-180, 0, -170, 10));
        // From lon 179.5 to -179.5 the short way (1 degree east): the antimeridian is half way.
        assertThat(BoundaryCrossing.fraction(east, 5, 179.5, 5, -179.5, true)).isCloseTo(0.5, within(1e-12));
        assertThat(BoundaryCrossing.fraction(west, 5, 179.5, 5, -179.5, false)).isCloseTo(0.5, within(1e-12));
        // And westwards: from lon -179.75 to 179.75, half way again.
        assertThat(BoundaryCrossing.fraction(west, 5, -179.75, 5, 179.75, true)).isCloseTo(0.5, within(1e-12));
        assertThat(BoundaryCrossing.fraction(east, 5, -179.75, 5, 179.75, false)).isCloseTo(0.5, within(1e-12));
    }
}
