package dev.tracks.analysis.worker.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import java.util.SplittableRandom;
import net.iakovlev.timeshape.TimeZoneEngine;
import org.junit.jupiter.api.Test;

/**
 * The indexed polygons answer as timeshape's own engine does, the reference they replace for speed: on random points
 * around borders with enclaves, detailed coastlines, the antimeridian and the poles.
 */
class ZonePolygonsTest {

    /** Centres of 1 x 1 degree squares sampled: Geneva, Basel, Büsingen, Campione, Baarle, Indiana, Fiji, ... */
    private static final double[][] AREAS = {
            {46.2, 6.1}, {47.56, 7.59}, {47.69, 8.69}, {45.97, 8.97}, {51.44, 4.93}, {39.5, -86.5},
            {-17.5, 179.9}, {-13.8, -171.8}, {0, 0}, {89.5, 45}, {-89.5, -120}, {31.5, 34.8}, {43.9, 131.0}};

    @Test
    void answersAsTimeshapeDoesAroundBordersAndAtTheEdgesOfTheMap() {
        ZonePolygons polygons = ZonePolygons.load();
        TimeZoneEngine reference = TimeZoneEngine.initialize(-90, -180, 90, 180, true);
        SplittableRandom random = new SplittableRandom(7);
        int compared = 0;
        for (double[] area : AREAS) {
            for (int i = 0; i < 60; i++) {
                double lat = Math.max(-90, Math.min(90, area[0] + random.nextDouble(-0.5, 0.5)));
                double lon = wrap(area[1] + random.nextDouble(-0.5, 0.5));
                Optional<ZoneId> expected = reference.query(lat, lon);
                assertThat(polygons.at(lat, lon)).as("lat %s lon %s", lat, lon).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(AREAS.length * 60);
        assertThat(polygons.at(47.6965, 8.6881)).as("Büsingen, a German enclave in Switzerland")
                .contains(ZoneId.of("Europe/Busingen"));
        assertThat(polygons.at(47.3769, 8.5417)).as("Zurich").contains(ZoneId.of("Europe/Zurich"));
    }

    private static double wrap(double lon) {
        return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }
}
