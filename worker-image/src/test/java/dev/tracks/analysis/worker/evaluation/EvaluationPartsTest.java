package dev.tracks.analysis.worker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.evaluation.LabelComparison.CoveredInterval;
import dev.tracks.analysis.worker.evaluation.LabelComparison.Matrices;
import dev.tracks.analysis.worker.evaluation.LabelComparison.Prediction;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.stay.Stay;
import dev.tracks.analysis.worker.track.Fixes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the evaluation on hand-built inputs whose answers are known; the real data is never needed. */
class EvaluationPartsTest {

    @Test
    void decodesGeoPackagePointsWithAndWithoutEnvelopeInEitherByteOrder() {
        assertThat(GeoPackagePoints.lonLat(blob(0, ByteOrder.LITTLE_ENDIAN, -8.63, 52.66)))
                .containsExactly(-8.63, 52.66);
        assertThat(GeoPackagePoints.lonLat(blob(1, ByteOrder.BIG_ENDIAN, 116.3, 39.9))).containsExactly(116.3, 39.9);
    }

    @Test
    void mapsGeoLifeLabelsToOurClasses() {
        assertThat(GeoLifeLabels.fine("run")).isEqualTo(FineMode.WALK);
        assertThat(GeoLifeLabels.fine("motorcycle")).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(GeoLifeLabels.fine("railway")).isEqualTo(FineMode.RAIL);
        assertThat(GeoLifeLabels.fine("boat")).isNull();
        assertThat(GeoLifeLabels.coarse("bike")).isEqualTo(CoarseMode.SLOW_MOBILITY);
        assertThat(GeoLifeLabels.coarse("train")).isEqualTo(CoarseMode.MOTORIZED_MOBILITY);
        assertThat(GeoLifeLabels.coarse("airplane")).isEqualTo(CoarseMode.FAST_MOBILITY);
    }

    /** Fixes every 10 s over 0..100 s, labelled bike; WALK covers 0-40 s, BICYCLE 40-80 s, nothing 80-100 s. */
    @Test
    void weighsPredictionsByLabelledTimeAndByFix() {
        Fixes clean = new Fixes();
        for (int second = 0; second <= 100; second += 10) {
            clean.add(clean.size(), second * 1000L, 39.9, 116.3, Double.NaN, Double.NaN);
        }
        List<GeoLifeLabels.Interval> labels = List.of(new GeoLifeLabels.Interval(0, 100_000, "bike"),
                new GeoLifeLabels.Interval(500_000, 600_000, "walk"));
        List<Prediction> segments = List.of(
                new Prediction(0, 40_000, CoarseMode.SLOW_MOBILITY, FineMode.WALK),
                new Prediction(40_000, 80_000, CoarseMode.MOTORIZED_MOBILITY, FineMode.BICYCLE));

        List<CoveredInterval> covered = LabelComparison.covered(clean, labels, segments);
        Matrices matrices = LabelComparison.compare(clean, covered, segments);

        assertThat(covered).hasSize(1);
        assertThat(covered.get(0).fixCount()).isEqualTo(11);
        assertThat(matrices.fineByTime().total()).isEqualTo(100);
        assertThat(matrices.fineByTime().correct()).isEqualTo(40);
        assertThat(matrices.fineByTime().uncovered()).isEqualTo(20);
        assertThat(matrices.fineByTime().accuracyOfPredicted()).isEqualTo(0.5);
        // fixes 0..40 s lie in the WALK segment (40 s is shared and counts for the earlier one), 50..80 s in BICYCLE
        assertThat(matrices.fineByFix().total()).isEqualTo(11);
        assertThat(matrices.fineByFix().correct()).isEqualTo(4);
        assertThat(matrices.fineByFix().uncovered()).isEqualTo(2);
        assertThat(matrices.coarseByTime().correct()).isEqualTo(40);
        assertThat(matrices.coarseByFix().correct()).isEqualTo(5);
    }

    @Test
    void matchesStaysWithStopsWithinTheRadius() {
        GeoPackagePoints.Point stop = new GeoPackagePoints.Point(1, 52.66, -8.63);
        GeoPackagePoints.Point farStop = new GeoPackagePoints.Point(2, 52.70, -8.63);
        double[] near = Geodesy.destination(52.66, -8.63, 90, 40);
        double[] far = Geodesy.destination(52.66, -8.63, 90, 60);
        List<Stay> stays = List.of(stay(near[0], near[1]), stay(far[0], far[1]));

        StopMatching.Outcome outcome = StopMatching.match(stays, List.of(stop, farStop), 50);

        assertThat(outcome).isEqualTo(new StopMatching.Outcome(2, 1, 1, 1));
        assertThat(StopMatching.nearestStopMeters(stays.get(1), List.of(stop, farStop))).isCloseTo(60, within(0.01));
    }

    @Test
    void skipsWithAMessageWhenTheDataFolderIsAbsent(@TempDir Path empty) throws Exception {
        String out = capturedOutput(empty.resolve("absent").toString());

        assertThat(out).startsWith("SKIPPED: no data folder at ");
    }

    @Test
    void skipsEachPartWhoseFolderIsAbsent(@TempDir Path data) throws Exception {
        String out = capturedOutput(data.toString());

        assertThat(out).contains("## GeoLife user 020 against its labels\n\nSKIPPED: ")
                .contains("## Bus 304: stays against bus stops\n\nSKIPPED: ");
    }

    private static String capturedOutput(String dataArgument) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Evaluation.main(new String[] {dataArgument});
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Stay stay(double lat, double lon) {
        return new Stay(0, 60_000, lat, lon, Double.NaN, 10, 0, 9);
    }

    /** A GeoPackage binary point: header (little-endian srs_id 4326), optional xy envelope, then WKB. */
    private static byte[] blob(int envelope, ByteOrder wkbOrder, double lon, double lat) {
        int envelopeBytes = envelope == 1 ? 32 : 0;
        ByteBuffer buffer = ByteBuffer.allocate(8 + envelopeBytes + 21).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (1 | envelope << 1)).putInt(4326);
        if (envelope == 1) {
            buffer.putDouble(lon).putDouble(lon).putDouble(lat).putDouble(lat);
        }
        buffer.put((byte) (wkbOrder == ByteOrder.LITTLE_ENDIAN ? 1 : 0)).order(wkbOrder);
        buffer.putInt(1).putDouble(lon).putDouble(lat);
        return buffer.array();
    }

    @Test
    void aTriplegTakesTheLabelOfLargestOverlapOnlyIfItCoversHalfOfIt() {
        List<GeoLifeLabels.Interval> labels = List.of(new GeoLifeLabels.Interval(0, 40_000, "walk"),
                new GeoLifeLabels.Interval(40_000, 100_000, "subway"));

        assertThat(TriplegLabels.label(0, 100_000, labels).label()).isEqualTo("subway");
        assertThat(TriplegLabels.label(20_000, 60_000, labels).label()).isEqualTo("walk");
        assertThat(TriplegLabels.label(90_000, 200_000, labels)).as("10 s of 110 s labelled").isNull();
        assertThat(TriplegLabels.label(50_000, 150_000, labels).label()).as("exactly half").isEqualTo("subway");
    }

    @Test
    void precisionAndRecallPerClass() {
        ConfusionMatrix<FineMode> matrix = new ConfusionMatrix<>(FineMode.class);
        matrix.add(FineMode.RAIL, FineMode.RAIL, 3);
        matrix.add(FineMode.RAIL, FineMode.ROAD_VEHICLE, 1);
        matrix.add(FineMode.ROAD_VEHICLE, FineMode.ROAD_VEHICLE, 1);
        matrix.add(FineMode.WALK, null, 2);

        assertThat(matrix.precision(FineMode.RAIL)).isEqualTo(1.0);
        assertThat(matrix.recall(FineMode.RAIL)).isEqualTo(0.75);
        assertThat(matrix.precision(FineMode.ROAD_VEHICLE)).isEqualTo(0.5);
        assertThat(matrix.recall(FineMode.WALK)).isZero();
        assertThat(matrix.precision(FineMode.BICYCLE)).isNaN();
        assertThat(matrix.precisionRecallMarkdown()).contains("| RAIL | 1.000 | 0.750 |").doesNotContain("BICYCLE");
    }
}
