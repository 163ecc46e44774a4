package dev.tracks.analysis.worker.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import org.junit.jupiter.api.Test;

class AnchoredDistanceTest {

    private static double meters(double chordSquared) {
        return 2 * Geodesy.EARTH_RADIUS_METERS * Math.asin(Math.sqrt(chordSquared) / 2);
    }

    @Test
    void agreesWithTheHaversineFromCentimetresToAntipodes() {
        double[][] anchors = {{47.37, 8.54}, {-16.5, 179.9999}, {89.9, -45}, {0, 0}};
        double[] distances = {0.01, 1, 99.999, 100, 5_000, 150_000, 10_000_000, 20_000_000};
        AnchoredDistance distance = new AnchoredDistance();
        for (double[] anchor : anchors) {
            distance.anchorAt(anchor[0], anchor[1]);
            for (double meters : distances) {
                for (double bearing = 0; bearing < 360; bearing += 37) {
                    double[] to = Geodesy.destination(anchor[0], anchor[1], bearing, meters);
                    double expected = Geodesy.distanceMeters(anchor[0], anchor[1], to[0], to[1]);
                    assertThat(meters(distance.chordSquared(to[0], to[1])))
                            .isCloseTo(expected, within(1e-6 + expected * 1e-12));
                }
            }
        }
    }

    @Test
    void theThresholdChordIsTheChordAtThatDistance() {
        assertThat(meters(AnchoredDistance.chordSquaredOf(100))).isCloseTo(100, within(1e-9));
    }
}
