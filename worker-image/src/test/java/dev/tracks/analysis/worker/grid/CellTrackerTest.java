package dev.tracks.analysis.worker.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.util.LatLng;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tracker gives H3's own cell for every position, and spares most of the calls on a track. */
class CellTrackerTest {

    /**
     * Random walks of 20,000 steps of up to 30 m (a car at one fix a second), and of 3 m (a walker), at each
     * resolution from 5 to 15: in Zurich, at the equator, across the antimeridian, at 79.9 and 85 degrees north, and
     * around a pentagon of the resolution.
     */
    @Test
    void everyPositionGetsH3sCellAndMostSkipTheCall() {
        for (int resolution = 5; resolution <= 15; resolution++) {
            LatLng pentagon = CellVisits.H3.cellToLatLng(CellVisits.H3.getPentagons(resolution).iterator().next());
            double[][] starts = {{47.37, 8.54}, {0, 0}, {-17.5, 179.9999}, {79.9, 20}, {85, -40},
                    {pentagon.lat, pentagon.lng}};
            for (double[] start : starts) {
                for (double step : new double[] {30, 3}) {
                    walk(resolution, start[0], start[1], step);
                }
            }
        }
        CellTracker zurich = walk(9, 47.37, 8.54, 3);
        assertThat(zurich.lookups()).as("most of a walker's fixes skip H3").isLessThan(20_000 / 2);
    }

    private static CellTracker walk(int resolution, double lat, double lon, double maxStepMeters) {
        SplittableRandom random = new SplittableRandom(resolution * 31L + (long) (lat * 1000) + (long) maxStepMeters);
        CellTracker tracker = new CellTracker(resolution);
        double heading = random.nextDouble(2 * Math.PI);
        for (int i = 0; i < 20_000; i++) {
            heading += random.nextDouble(-0.3, 0.3);
            double meters = random.nextDouble(maxStepMeters);
            lat = Math.max(-90, Math.min(90, lat + meters * Math.cos(heading) / 111_195));
            lon += meters * Math.sin(heading) / (111_195 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
            lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
            long expected = CellVisits.cellOf(lat, lon, resolution);
            assertThat(tracker.cellOf(lat, lon)).as("resolution %d at %s, %s", resolution, lat, lon)
                    .isEqualTo(expected);
        }
        return tracker;
    }
}
