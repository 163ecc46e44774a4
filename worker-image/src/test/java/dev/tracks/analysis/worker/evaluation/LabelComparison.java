package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.trip.Tripleg;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares predicted modes with GeoLife labels over the labelled intervals that contain clean fixes.
 *
 * <p>Per labelled time: an interval is judged over the span of its own clean fixes (first to last fix inside it, so
 * that labelled time without data does not count); each prediction adds the time it shares with that span to its
 * cell, and the rest of the span goes to "none". Per fix: each clean fix inside a labelled interval counts once, for
 * the prediction whose span contains its time (a boundary fix shared by two segments counts for the earlier one), or
 * for "none". Predictions are the movement segments of transport_mode and, as a second view, the triplegs of
 * trip_construction (mode of the segment overlapping them longest).
 */
final class LabelComparison {

    /** A predicted time span and its classes: a movement segment or a tripleg. */
    record Prediction(long startMillis, long endMillis, CoarseMode coarse, FineMode fine) {

        static Prediction of(MovementSegment segment) {
            return new Prediction(segment.startMillis(), segment.endMillis(), segment.coarse(), segment.fine());
        }

        static Prediction of(Tripleg leg) {
            return new Prediction(leg.startMillis(), leg.endMillis(), leg.modeCoarse(), leg.mode());
        }
    }

    /** One labelled interval with clean fixes: its span and the seconds each fine class covers of it. */
    record CoveredInterval(GeoLifeLabels.Interval interval, int fixCount, long spanStartMillis, long spanEndMillis,
            double[] fineSeconds) {
    }

    /** The four matrices of one kind of prediction. */
    record Matrices(ConfusionMatrix<FineMode> fineByTime, ConfusionMatrix<FineMode> fineByFix,
            ConfusionMatrix<CoarseMode> coarseByTime, ConfusionMatrix<CoarseMode> coarseByFix) {

        static Matrices empty() {
            return new Matrices(new ConfusionMatrix<>(FineMode.class), new ConfusionMatrix<>(FineMode.class),
                    new ConfusionMatrix<>(CoarseMode.class), new ConfusionMatrix<>(CoarseMode.class));
        }
    }

    private LabelComparison() {
    }

    /** The labelled intervals of a mapped mode that contain at least one clean fix, with the segments' coverage. */
    static List<CoveredInterval> covered(Fixes clean, List<GeoLifeLabels.Interval> intervals,
            List<Prediction> segments) {
        List<CoveredInterval> covered = new ArrayList<>();
        for (GeoLifeLabels.Interval interval : intervals) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < clean.size(); i++) {
                if (interval.contains(clean.time(i))) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first < 0 || GeoLifeLabels.fine(interval.label()) == null) {
                continue;
            }
            double[] seconds = new double[FineMode.values().length];
            for (Prediction segment : segments) {
                seconds[segment.fine().ordinal()] += overlapMillis(segment, clean.time(first), clean.time(last)) / 1e3;
            }
            covered.add(new CoveredInterval(interval, last - first + 1, clean.time(first), clean.time(last), seconds));
        }
        return covered;
    }

    /** Confusion matrices of {@code predictions} against the covered intervals' labels. */
    static Matrices compare(Fixes clean, List<CoveredInterval> covered, List<Prediction> predictions) {
        Matrices matrices = Matrices.empty();
        for (CoveredInterval interval : covered) {
            String label = interval.interval().label();
            FineMode fine = GeoLifeLabels.fine(label);
            CoarseMode coarse = GeoLifeLabels.coarse(label);
            double uncovered = (interval.spanEndMillis() - interval.spanStartMillis()) / 1e3;
            for (Prediction prediction : predictions) {
                double seconds = overlapMillis(prediction, interval.spanStartMillis(), interval.spanEndMillis()) / 1e3;
                if (seconds > 0) {
                    matrices.fineByTime().add(fine, prediction.fine(), seconds);
                    matrices.coarseByTime().add(coarse, prediction.coarse(), seconds);
                    uncovered -= seconds;
                }
            }
            matrices.fineByTime().add(fine, null, Math.max(0, uncovered));
            matrices.coarseByTime().add(coarse, null, Math.max(0, uncovered));
            for (int i = 0; i < clean.size(); i++) {
                if (interval.interval().contains(clean.time(i))) {
                    Prediction containing = containing(predictions, clean.time(i));
                    matrices.fineByFix().add(fine, containing == null ? null : containing.fine(), 1);
                    matrices.coarseByFix().add(coarse, containing == null ? null : containing.coarse(), 1);
                }
            }
        }
        return matrices;
    }

    private static Prediction containing(List<Prediction> predictions, long time) {
        for (Prediction prediction : predictions) {
            if (prediction.startMillis() <= time && time <= prediction.endMillis()) {
                return prediction;
            }
        }
        return null;
    }

    private static long overlapMillis(Prediction prediction, long start, long end) {
        return Math.max(0, Math.min(end, prediction.endMillis()) - Math.max(start, prediction.startMillis()));
    }
}
