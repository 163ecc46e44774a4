package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.evaluation.LabelComparison.CoveredInterval;
import dev.tracks.analysis.worker.evaluation.LabelComparison.Matrices;
import dev.tracks.analysis.worker.evaluation.LabelComparison.Prediction;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.mode.SegmentFeatures;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.trip.Tripleg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Part 1 of {@link Evaluation}: one labelled GeoLife user through the chain, compared with the labels. */
final class LabeledEvaluation {

    private LabeledEvaluation() {
    }

    static void report(Path userFolder) throws IOException {
        Path labelsFile = userFolder.resolve("labels.txt");
        if (!Files.isRegularFile(labelsFile)) {
            System.out.println("SKIPPED: " + labelsFile + " is absent.\n");
            return;
        }
        TrackFiles.Track track = TrackFiles.read(userFolder, null);
        AnalysisChain.Result chain = AnalysisChain.run(track.fixes());
        List<GeoLifeLabels.Interval> labels = GeoLifeLabels.read(labelsFile);
        Fixes clean = chain.clean();
        printData(track, chain, labels);
        printSegments(chain);

        List<Prediction> segments = chain.segments().stream().map(Prediction::of).toList();
        List<Prediction> legs = chain.triplegs().stream().map(Prediction::of).toList();
        List<CoveredInterval> covered = LabelComparison.covered(clean, labels, segments);
        printCovered(covered, labels.size(), clean);
        printMatrices("movement segments (transport_mode)", LabelComparison.compare(clean, covered, segments));
        printMatrices("triplegs (trip_construction, the mode that covers most of their time)",
                LabelComparison.compare(clean, covered, legs));
        printTriplegLabels(TriplegLabels.compare(chain.triplegs(), labels));
    }

    private static void printTriplegLabels(TriplegLabels.Result result) {
        System.out.printf(Locale.ROOT, "### Triplegs with trackintel's label rule (largest overlap, >= 50 %% of the"
                + " tripleg)%n%n%d labelled triplegs, %d without a label.%n%n", result.labelled(), result.unlabelled());
        printMatrix("Fine mode, triplegs", result.fine(), "%.0f");
        System.out.println(result.fine().precisionRecallMarkdown());
        printMatrix("Coarse mode, triplegs", result.coarse(), "%.0f");
        System.out.println(result.coarse().precisionRecallMarkdown());
    }

    private static void printData(TrackFiles.Track track, AnalysisChain.Result chain,
            List<GeoLifeLabels.Interval> labels) {
        Fixes fixes = track.fixes();
        System.out.printf(Locale.ROOT, "- rows read: %d (import duplicates %d, rejected %d); fixes: %d, %s .. %s%n",
                track.rows(), track.duplicates(), track.rejected(), fixes.size(), time(fixes.time(0)),
                time(fixes.time(fixes.size() - 1)));
        System.out.printf(Locale.ROOT, "- outliers flagged and dropped: %d %s; clean fixes: %d%n",
                chain.flags().size(), Counts.reasons(Counts.byReason(chain.flags())), chain.clean().size());
        System.out.printf(Locale.ROOT, "- stays: %d, movement segments: %d, triplegs: %d, trips: %d%n",
                chain.stays().size(), chain.segments().size(), chain.triplegs().size(), chain.trips().size());
        System.out.printf(Locale.ROOT, "- label intervals: %d, %s .. %s%n%n", labels.size(),
                time(labels.get(0).startMillis()), time(labels.get(labels.size() - 1).endMillis()));
    }

    private static void printSegments(AnalysisChain.Result chain) {
        printSegmentFeatures(chain.segments());
        for (Tripleg leg : chain.triplegs()) {
            System.out.printf(Locale.ROOT, "- tripleg %s .. %s: %d fixes, %.0f m, %s / %s%n", time(leg.startMillis()),
                    time(leg.endMillis()), leg.fixCount(), leg.lengthMeters(), leg.modeCoarse(), leg.mode());
        }
        System.out.println();
    }

    /** The segments with all their features ({@link SegmentFeatures}), those the rules use and the rest. */
    static void printSegmentFeatures(List<MovementSegment> segments) {
        System.out.println("| movement segment | fixes | length m | median km/h | p95 km/h | turns/km"
                + " | curvature deg/km | stops/km | velocity changes/km | stop spacing m | spacing CV | dwell CV"
                + " | accel p95 m/s2 | jerk p95 m/s3 | plateau CV | signal loss | coarse | fine |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (MovementSegment segment : segments) {
            SegmentFeatures f = segment.features();
            System.out.printf(Locale.ROOT, "| %s .. %s | %d | %.0f | %.1f | %.1f | %.2f | %.0f | %.2f | %.2f | %.0f"
                    + " | %.2f | %.2f | %.2f | %.2f | %.3f | %.2f | %s | %s |%n", time(segment.startMillis()),
                    time(segment.endMillis()), segment.fixCount(), segment.lengthMeters(), f.medianKmh(), f.p95Kmh(),
                    f.turnsPerKm(), f.curvatureDegPerKm(), f.stopsPerKm(), f.velocityChangeRate(),
                    f.stopSpacingMedianMeters(), f.stopSpacingCv(), f.dwellCv(), f.accelP95(), f.jerkP95(),
                    f.plateauCv(), f.signalLossShare(), segment.coarse(), segment.fine());
        }
        System.out.println();
    }

    private static void printCovered(List<CoveredInterval> covered, int intervals, Fixes clean) {
        int labelledFixes = covered.stream().mapToInt(CoveredInterval::fixCount).sum();
        System.out.printf(Locale.ROOT, "Covered: %d of %d labelled intervals contain clean fixes; %d of %d clean"
                + " fixes lie in a labelled interval.%n%n", covered.size(), intervals, labelledFixes, clean.size());
        StringBuilder header = new StringBuilder("| label | interval | fixes | fix span s |");
        StringBuilder rule = new StringBuilder("|---|---|---:|---:|");
        for (FineMode mode : FineMode.values()) {
            header.append(' ').append(mode).append(" s |");
            rule.append("---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (CoveredInterval interval : covered) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s .. %s | %d | %.0f |",
                    interval.interval().label(), time(interval.interval().startMillis()),
                    time(interval.interval().endMillis()), interval.fixCount(),
                    (interval.spanEndMillis() - interval.spanStartMillis()) / 1e3));
            for (double seconds : interval.fineSeconds()) {
                row.append(String.format(Locale.ROOT, " %.0f |", seconds));
            }
            System.out.println(row);
        }
        System.out.println();
    }

    private static void printMatrices(String predictions, Matrices matrices) {
        System.out.println("### Predictions: " + predictions + "\n");
        printMatrix("Fine mode, seconds of labelled time", matrices.fineByTime(), "%.0f");
        printMatrix("Fine mode, fixes", matrices.fineByFix(), "%.0f");
        printMatrix("Coarse mode, seconds of labelled time", matrices.coarseByTime(), "%.0f");
        printMatrix("Coarse mode, fixes", matrices.coarseByFix(), "%.0f");
    }

    private static void printMatrix(String title, ConfusionMatrix<?> matrix, String format) {
        System.out.printf(Locale.ROOT, "%s: accuracy %.3f of %.0f (%.3f of the %.0f with a prediction)%n%n", title,
                matrix.accuracy(), matrix.total(), matrix.accuracyOfPredicted(), matrix.total() - matrix.uncovered());
        System.out.println(matrix.toMarkdown(format));
    }

    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
