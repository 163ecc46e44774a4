package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;

/**
 * trackintel {@code generate_triplegs(method="between_staypoints", gap_threshold=15)}
 * ({@code trackintel/preprocessing/positionfixes.py}, staypoints given without positionfix links): a fix belongs to
 * a stay when its time is in {@code [start, end)}; every other fix belongs to a tripleg, and a new tripleg starts at
 * the first fix of the data, after a stay fix, after a gap strictly longer than the threshold, and at the first fix at
 * or after a stay's end (which also splits movement around a stay that has no fixes). A tripleg needs at least two
 * fixes (a valid line). It takes the fine mode that covers most of its time, summed over the movement segments of that
 * mode (a walk to the station, the train and a walk from it make a rail tripleg if the train took longest), with the
 * coarse class of that mode's longest segment in it; on equal time the mode that appears first wins. Stays must not
 * overlap each other.
 */
final class Triplegs {

    /** Fixes {@code first..last} (inclusive) outside stays; runs of one fix are kept to know the open end. */
    record Run(int first, int last) {
        int fixCount() {
            return last - first + 1;
        }
    }

    private Triplegs() {
    }

    /** The runs of fixes that trackintel would turn into triplegs, in time order, including runs of one fix. */
    static List<Run> runs(Fixes fixes, List<StayInterval> staysByStart, double gapMillis) {
        List<Run> runs = new ArrayList<>();
        int stay = 0;
        int runFirst = -1;
        for (int i = 0; i < fixes.size(); i++) {
            long t = fixes.time(i);
            long previous = i == 0 ? Long.MIN_VALUE : fixes.time(i - 1);
            boolean stayEnded = false;
            while (stay < staysByStart.size() && staysByStart.get(stay).endMillis() <= t) {
                stayEnded |= staysByStart.get(stay).endMillis() > previous;
                stay++;
            }
            boolean inStay = stay < staysByStart.size() && staysByStart.get(stay).startMillis() <= t;
            boolean newLeg = stayEnded || i > 0 && t - previous > gapMillis;
            if (runFirst >= 0 && (inStay || newLeg)) {
                runs.add(new Run(runFirst, i - 1));
                runFirst = -1;
            }
            if (!inStay && runFirst < 0) {
                runFirst = i;
            }
        }
        if (runFirst >= 0) {
            runs.add(new Run(runFirst, fixes.size() - 1));
        }
        return runs;
    }

    /** The tripleg of a run of at least two fixes, labelled from {@code modesByStart}. */
    static Tripleg tripleg(Fixes fixes, Run run, List<ModeInterval> modesByStart) {
        double length = 0;
        for (int i = run.first() + 1; i <= run.last(); i++) {
            length += Geodesy.distanceMeters(fixes.lat(i - 1), fixes.lon(i - 1), fixes.lat(i), fixes.lon(i));
        }
        long start = fixes.time(run.first());
        long end = fixes.time(run.last());
        ModeInterval mode = mostTime(modesByStart, start, end);
        return new Tripleg(fixes.id(run.first()), start, end, fixes.id(run.first()), fixes.id(run.last()),
                run.fixCount(), length, mode == null ? CoarseMode.UNKNOWN : mode.coarse(),
                mode == null ? FineMode.UNKNOWN : mode.fine());
    }

    /**
     * Of the fine modes overlapping {@code [start, end]}, the one with the most shared time summed over its intervals
     * (the first to appear on ties), as its interval that shares the most; null if none overlaps.
     */
    static ModeInterval mostTime(List<ModeInterval> modesByStart, long start, long end) {
        long[] total = new long[FineMode.values().length];
        long[] longestShare = new long[total.length];
        ModeInterval[] longest = new ModeInterval[total.length];
        List<FineMode> byAppearance = new ArrayList<>();
        for (ModeInterval mode : modesByStart) {
            if (mode.startMillis() >= end) {
                break;
            }
            long overlap = mode.overlapMillis(start, end);
            if (overlap <= 0) {
                continue;
            }
            int fine = mode.fine().ordinal();
            if (longest[fine] == null) {
                byAppearance.add(mode.fine());
            }
            total[fine] += overlap;
            if (overlap > longestShare[fine]) {
                longestShare[fine] = overlap;
                longest[fine] = mode;
            }
        }
        ModeInterval best = null;
        long bestTotal = 0;
        for (FineMode fine : byAppearance) {
            if (total[fine.ordinal()] > bestTotal) {
                bestTotal = total[fine.ordinal()];
                best = longest[fine.ordinal()];
            }
        }
        return best;
    }
}
