package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.trip.Tripleg;
import java.util.List;

/**
 * trackintel's label matching for triplegs ({@code io/dataset_reader.py::geolife_add_modes_to_triplegs},
 * {@code ratio_threshold=0.5}): a tripleg takes the label interval with the largest time overlap, if that overlap
 * covers at least half of the tripleg's duration; other triplegs stay unlabelled and are not counted. Labels without a
 * class of ours (boat, other) leave their tripleg unlabelled too.
 */
final class TriplegLabels {

    static final double RATIO_THRESHOLD = 0.5;

    /** The fine and coarse confusion of labelled triplegs, one count each, and how many triplegs had no label. */
    record Result(ConfusionMatrix<FineMode> fine, ConfusionMatrix<CoarseMode> coarse, int labelled, int unlabelled) {
    }

    private TriplegLabels() {
    }

    /** The label interval of a tripleg by trackintel's rule, or null. */
    static GeoLifeLabels.Interval label(long startMillis, long endMillis, List<GeoLifeLabels.Interval> labels) {
        GeoLifeLabels.Interval best = null;
        long bestOverlap = 0;
        for (GeoLifeLabels.Interval interval : labels) {
            long overlap = Math.min(endMillis, interval.endMillis()) - Math.max(startMillis, interval.startMillis());
            if (overlap > bestOverlap) {
                best = interval;
                bestOverlap = overlap;
            }
        }
        long duration = endMillis - startMillis;
        return best != null && bestOverlap >= RATIO_THRESHOLD * duration ? best : null;
    }

    static Result compare(List<Tripleg> triplegs, List<GeoLifeLabels.Interval> labels) {
        ConfusionMatrix<FineMode> fine = new ConfusionMatrix<>(FineMode.class);
        ConfusionMatrix<CoarseMode> coarse = new ConfusionMatrix<>(CoarseMode.class);
        int labelled = 0;
        for (Tripleg leg : triplegs) {
            GeoLifeLabels.Interval label = label(leg.startMillis(), leg.endMillis(), labels);
            if (label == null || GeoLifeLabels.fine(label.label()) == null) {
                continue;
            }
            fine.add(GeoLifeLabels.fine(label.label()), leg.mode(), 1);
            coarse.add(GeoLifeLabels.coarse(label.label()), leg.modeCoarse(), 1);
            labelled++;
        }
        return new Result(fine, coarse, labelled, triplegs.size() - labelled);
    }
}
