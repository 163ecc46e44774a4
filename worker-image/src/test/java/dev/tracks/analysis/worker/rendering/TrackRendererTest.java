package dev.tracks.analysis.worker.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.store.EncodedPolyline;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackRendererTest {

    private static final RenderingParams PARAMS = SkillParams.defaults(RenderingParams.class);

    @Test
    void aZigzagIsStraightAtLowZoomAndKeepsItsVerticesAtHighZoom() {
        Fixes fixes = new Fixes();
        double[] along = {47.0, 8.0};
        for (int i = 0; i < 21; i++) {
            double[] vertex = Geodesy.destination(along[0], along[1], i % 2 == 0 ? 0 : 180, i == 0 || i == 20 ? 0 : 20);
            fixes.add(i, i * 10_000L, vertex[0], vertex[1], Double.NaN, Double.NaN);
            along = Geodesy.destination(along[0], along[1], 90, 200);
        }

        TrackRendering rendering = TrackRenderer.render(fixes, 0, fixes.size(), PARAMS);

        // 20 m off the line is about 12 px at zoom 16 (1.63 m/px at 47 deg) and 0.003 px at zoom 4
        assertThat(zoom(rendering, 16).pointCount()).isEqualTo(21);
        assertThat(zoom(rendering, 4).pointCount()).isEqualTo(2);
        List<double[]> straight = PolylineDecoder.decode(zoom(rendering, 4).polyline());
        assertThat(straight.get(0)).containsExactly(new double[] {47.0, 8.0}, within(1e-5));
        assertThat(straight.get(1)[1]).isCloseTo(fixes.lon(20), within(1e-5));
        assertThat(PolylineDecoder.decode(zoom(rendering, 16).polyline())).hasSize(21);
    }

    @Test
    void pointCountsNeverGrowTowardsCoarserZooms() {
        Fixes fixes = SyntheticTrack.startingAt(Instant.parse("2026-04-01T07:00:00Z"), 47.37, 8.54, 9)
                .stay(Duration.ofMinutes(20), 15)
                .move(30, 8000, 40)
                .move(120, 3000, 15)
                .stay(Duration.ofMinutes(10), 10)
                .move(250, 20_000, 90)
                .fixes();

        TrackRendering rendering = TrackRenderer.render(fixes, 0, fixes.size(), PARAMS);

        assertThat(rendering.zooms()).extracting(ZoomGeometry::zoom)
                .containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        for (int i = 1; i < rendering.zooms().size(); i++) {
            assertThat(rendering.zooms().get(i).pointCount()).isGreaterThanOrEqualTo(
                    rendering.zooms().get(i - 1).pointCount());
        }
        assertThat(zoom(rendering, 16).pointCount()).isLessThan(fixes.size()).isGreaterThan(zoom(rendering, 4)
                .pointCount());
        for (ZoomGeometry geometry : rendering.zooms()) {
            assertThat(PolylineDecoder.decode(geometry.polyline())).hasSize(geometry.pointCount());
        }
    }

    @Test
    void boundsAndTimeExtentAreExact() {
        Fixes fixes = new Fixes()
                .add(5, 1_000, 47.1, 8.3, Double.NaN, Double.NaN)
                .add(6, 2_000, 47.4, 8.1, Double.NaN, Double.NaN)
                .add(7, 3_000, 46.9, 8.6, Double.NaN, Double.NaN)
                .add(8, 4_000, 47.0, 8.2, Double.NaN, Double.NaN);

        TrackRendering rendering = TrackRenderer.render(fixes, 1, 4, PARAMS);

        assertThat(rendering.bounds()).isEqualTo(new BoundingBox(46.9, 8.1, 47.4, 8.6));
        assertThat(rendering.fixCount()).isEqualTo(3);
        assertThat(rendering.firstFixId()).isEqualTo(6);
        assertThat(rendering.lastFixId()).isEqualTo(8);
        assertThat(rendering.startMillis()).isEqualTo(2_000);
        assertThat(rendering.endMillis()).isEqualTo(4_000);
    }

    @Test
    void aSingleFixIsOnePointAtEveryZoom() {
        Fixes fixes = new Fixes().add(1, 9_000, -33.86, 151.21, Double.NaN, Double.NaN);

        TrackRendering rendering = TrackRenderer.render(fixes, 0, 1, PARAMS);

        assertThat(rendering.zooms()).allSatisfy(geometry -> {
            assertThat(geometry.pointCount()).isEqualTo(1);
            assertThat(PolylineDecoder.decode(geometry.polyline())).singleElement()
                    .satisfies(point -> assertThat(point).containsExactly(new double[] {-33.86, 151.21},
                            within(1e-9)));
        });
        assertThat(rendering.bounds()).isEqualTo(new BoundingBox(-33.86, 151.21, -33.86, 151.21));
        assertThat(rendering.startMillis()).isEqualTo(rendering.endMillis()).isEqualTo(9_000);
    }

    @Test
    void aTrackAcrossTheAntimeridianStaysContinuous() {
        Fixes fixes = new Fixes();
        for (int i = 0; i <= 10; i++) {
            double lon = Geodesy.normalizeLongitude(179.99 + i * 0.002);
            fixes.add(i, i * 1_000L, -16.5, lon, Double.NaN, Double.NaN);
        }

        TrackRendering rendering = TrackRenderer.render(fixes, 0, fixes.size(), PARAMS);

        assertThat(rendering.bounds().crossesAntimeridian()).isTrue();
        assertThat(rendering.bounds().west()).isCloseTo(179.99, within(1e-9));
        assertThat(rendering.bounds().east()).isCloseTo(-179.99, within(1e-9));
        List<double[]> line = PolylineDecoder.decode(zoom(rendering, 4).polyline());
        assertThat(line).hasSize(2);
        assertThat(line.get(1)[1]).isCloseTo(180.01, within(1e-5));
    }

    @Test
    void theEncoderReproducesGooglesExample() {
        double[] lats = {38.5, 40.7, 43.252};
        double[] lons = {-120.2, -120.95, -126.453};

        assertThat(EncodedPolyline.encode(lats, lons, new boolean[] {true, true, true}))
                .isEqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@");
    }

    private static ZoomGeometry zoom(TrackRendering rendering, int zoom) {
        return rendering.zooms().stream().filter(geometry -> geometry.zoom() == zoom).findFirst().orElseThrow();
    }
}
