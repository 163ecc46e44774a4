package dev.tracks.analysis.worker.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import org.junit.jupiter.api.Test;

class GeodesyTest {

    @Test
    void oneDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(Geodesy.distanceMeters(0, 0, 1, 0)).isCloseTo(111_195, within(1.0));
    }

    @Test
    void destinationInvertsDistanceAndBearing() {
        double[] to = Geodesy.destination(47.37, 8.54, 63, 12_345);
        assertThat(Geodesy.distanceMeters(47.37, 8.54, to[0], to[1])).isCloseTo(12_345, within(0.01));
        assertThat(Geodesy.bearingDegrees(47.37, 8.54, to[0], to[1])).isCloseTo(63, within(1e-6));
    }

    @Test
    void crossesTheAntimeridian() {
        double[] to = Geodesy.destination(0, 179.999, 90, 1000);
        assertThat(to[1]).isLessThan(-179.99);
        assertThat(Geodesy.distanceMeters(0, 179.999, to[0], to[1])).isCloseTo(1000, within(0.01));
    }

    @Test
    void syntheticTrackKeepsItsGroundTruth() {
        SyntheticTrack track = SyntheticTrack.startingAt(java.time.Instant.parse("2026-01-01T08:00:00Z"), 47.37, 8.54,
                        1)
                .stay(java.time.Duration.ofMinutes(10), 5)
                .move(90, 2000, 36);
        assertThat(track.stays()).hasSize(1);
        assertThat(track.stays().get(0).lastFix() - track.stays().get(0).firstFix() + 1).isEqualTo(60);
        assertThat(track.legs().get(0).endMillis() - track.legs().get(0).startMillis()).isEqualTo(200_000);
        assertThat(Geodesy.distanceMeters(47.37, 8.54, track.lat(), track.lon())).isCloseTo(2000, within(0.01));
    }
}
