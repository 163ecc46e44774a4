package dev.tracks.analysis.worker.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

class DouglasPeuckerRanksTest {

    @Test
    void ranksKeepExactlyWhatJtsKeepsAtEveryZoom() {
        Fixes fixes = SyntheticTrack.startingAt(Instant.parse("2026-05-01T06:00:00Z"), 60.17, 24.94, 4)
                .stay(Duration.ofMinutes(15), 25)
                .move(10, 5000, 25)
                .move(100, 4000, 60)
                .stay(Duration.ofMinutes(5), 8)
                .move(280, 9000, 110)
                .fixes();
        double[] x = new double[fixes.size()];
        double[] y = new double[fixes.size()];
        for (int i = 0; i < fixes.size(); i++) {
            x[i] = WebMercator.x(fixes.lon(i));
            y[i] = WebMercator.y(fixes.lat(i));
        }

        double[] ranks = DouglasPeuckerRanks.of(x, y);

        for (int zoom = 0; zoom <= 22; zoom++) {
            double tolerance = WebMercator.tolerance(1, zoom);
            assertThat(kept(x, y, ranks, tolerance)).as("zoom %d", zoom).isEqualTo(jts(x, y, tolerance));
        }
    }

    @Test
    void collinearAndRepeatedVerticesRankZero() {
        double[] ranks = DouglasPeuckerRanks.of(new double[] {0, 1, 1, 2, 3}, new double[] {0, 0, 0, 0, 0});

        assertThat(ranks).containsExactly(Double.POSITIVE_INFINITY, 0, 0, 0, Double.POSITIVE_INFINITY);
    }

    private static List<Coordinate> kept(double[] x, double[] y, double[] ranks, double tolerance) {
        List<Coordinate> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (ranks[i] > tolerance) {
                kept.add(new Coordinate(x[i], y[i]));
            }
        }
        return kept;
    }

    private static List<Coordinate> jts(double[] x, double[] y, double tolerance) {
        Coordinate[] coordinates = new Coordinate[x.length];
        for (int i = 0; i < x.length; i++) {
            coordinates[i] = new Coordinate(x[i], y[i]);
        }
        LineString line = new GeometryFactory().createLineString(coordinates);
        return List.of(DouglasPeuckerSimplifier.simplify(line, tolerance).getCoordinates());
    }
}
