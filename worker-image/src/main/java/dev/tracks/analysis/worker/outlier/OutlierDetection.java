package dev.tracks.analysis.worker.outlier;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags impossible fixes with a reason, never deleting them. References: scikit-mobility {@code filtering.filter(
 * max_speed_kmh=500, include_loops=False, speed_kmh=5, max_loop=6, ratio_max=0.25)} (haversine speed, dt = 0 drops the
 * later point, loops), Reitti {@code GeoPointAnomalyFilter} ({@code max-speed-kmh=1000}, {@code
 * max-accuracy-meters=100}, threshold = max(maxSpeed, 3 x median speed), jumps need both speeds), Traccar
 * {@code filter.accuracy}/{@code filter.duplicate}; defaults from the skill catalog (1200 km/h, 3, 100 m, 50 m, 20°).
 *
 * <p>The rules run in the order of {@link OutlierReason}, which is also the precedence (one reason per fix); each looks
 * only at the fixes the rules before it left:
 * <ol>
 *   <li>LOW_ACCURACY: accuracy known and {@code >} {@code maxAccuracyMeters} (unknown accuracy passes);</li>
 *   <li>DUPLICATE_TIME: the same time as the previous fix that passed rule 1; so of each time the first accurate fix
 *       (in the runtime's order: time, then id) is kept. The kept fixes are the <em>clean track</em>;</li>
 *   <li>JUMP and SPEED on the clean track: {@link SpeedRule};</li>
 *   <li>DRIFT: {@link DriftRule}; then BACKTRACK: {@link BacktrackRule}.</li>
 * </ol>
 * "Last kept fix" semantics: the speed, drift and backtrack rules compare a fix with its neighbours on the clean track,
 * which may themselves be JUMP or SPEED. They do not chain through the last fix kept by the speed rule (as
 * scikit-mobility does), because such a chain makes every decision depend on the whole history; here medians and runs
 * absorb a few outliers among the neighbours, and every decision depends on at most {@link #CLEAN_BEFORE} clean fixes
 * before and {@link #CLEAN_AFTER} after.
 *
 * <p>Resuming: flags of the fixes in the last {@link #CLEAN_AFTER} clean fixes (and the last time, which the next batch
 * may continue) are provisional; {@code contextIndex} lies {@link #CLEAN_BEFORE} clean fixes before
 * {@code resumeIndex}. Both are moved back to the first fix of their time. The fixes passed must start at the user's
 * first fix or at a {@code contextIndex} this function returned: fix 0 is then either the track's start or far enough
 * back that the start rules cannot reach the fixes from {@code from} on.
 */
public final class OutlierDetection {

    /** Clean fixes before a fix that its flag may depend on. */
    static final int CLEAN_BEFORE = Math.max(SpeedRule.REACH_BEFORE, DriftRule.NEIGHBOURS);
    /** Clean fixes after a fix that its flag may depend on. */
    static final int CLEAN_AFTER = Math.max(SpeedRule.REACH_AFTER, DriftRule.NEIGHBOURS);

    private OutlierDetection() {
    }

    /**
     * Flags the outliers among one user's fixes from fix {@code from} on.
     *
     * @param fixes one user's fixes in time order (equal times allowed)
     * @param from the first fix not analysed yet: the previous call's {@code resumeIndex - contextIndex}, or 0
     * @return the flagged fixes (unflagged fixes are clean), final before {@code resumeIndex}, provisional after
     */
    public static StreamResult<OutlierFlag> detectOutliers(Fixes fixes, int from, OutlierParameters parameters) {
        int n = fixes.size();
        if (n == 0) {
            return new StreamResult<>(List.of(), List.of(), 0, 0);
        }
        OutlierReason[] reasons = new OutlierReason[n];
        CleanTrack track = flagPerFix(fixes, parameters, reasons);
        OutlierReason[] cleanReasons = new OutlierReason[track.size()];
        SpeedRule.flag(track, parameters, cleanReasons);
        DriftRule.flag(track, parameters, cleanReasons);
        BacktrackRule.flag(track, parameters, cleanReasons);
        for (int k = 0; k < track.size(); k++) {
            reasons[track.fixIndex(k)] = cleanReasons[k];
        }

        int resume = resumeIndex(fixes, track, from);
        int context = firstOfItsTime(fixes, fixIndexBefore(track, resume, CLEAN_BEFORE));
        return new StreamResult<>(flags(fixes, reasons, from, resume), flags(fixes, reasons, resume, n), resume,
                Math.min(context, resume));
    }

    /** Applies LOW_ACCURACY and DUPLICATE_TIME and returns the fixes that passed both. */
    private static CleanTrack flagPerFix(Fixes fixes, OutlierParameters parameters, OutlierReason[] reasons) {
        int[] clean = new int[fixes.size()];
        int size = 0;
        long previousTime = Long.MIN_VALUE;
        for (int i = 0; i < fixes.size(); i++) {
            if (fixes.accuracy(i) > parameters.maxAccuracyMeters()) {
                reasons[i] = OutlierReason.LOW_ACCURACY;
            } else if (size > 0 && fixes.time(i) == previousTime) {
                reasons[i] = OutlierReason.DUPLICATE_TIME;
            } else {
                clean[size++] = i;
                previousTime = fixes.time(i);
            }
        }
        return new CleanTrack(fixes, clean, size);
    }

    /**
     * The first fix whose flag is not final: the first of the last {@link #CLEAN_AFTER} clean fixes, but not after
     * the first fix of the last time, moved back to the first fix of its time and never before {@code from}.
     */
    private static int resumeIndex(Fixes fixes, CleanTrack track, int from) {
        int n = fixes.size();
        int firstOpenClean = Math.max(0, track.size() - CLEAN_AFTER);
        int firstOpen = firstOpenClean < track.size() ? track.fixIndex(firstOpenClean) : n;
        int lastTime = firstOfItsTime(fixes, n - 1);
        return Math.max(from, firstOfItsTime(fixes, Math.min(firstOpen, lastTime)));
    }

    /** The fix index of the clean fix {@code count} before the first clean fix at or after {@code index}. */
    private static int fixIndexBefore(CleanTrack track, int index, int count) {
        int k = 0;
        while (k < track.size() && track.fixIndex(k) < index) {
            k++;
        }
        return k - count <= 0 ? 0 : track.fixIndex(k - count);
    }

    /** The first fix with the time of fix {@code index}. */
    private static int firstOfItsTime(Fixes fixes, int index) {
        int first = index;
        while (first > 0 && fixes.time(first - 1) == fixes.time(first)) {
            first--;
        }
        return first;
    }

    private static List<OutlierFlag> flags(Fixes fixes, OutlierReason[] reasons, int from, int to) {
        List<OutlierFlag> flags = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (reasons[i] != null) {
                flags.add(new OutlierFlag(fixes.id(i), fixes.time(i), reasons[i]));
            }
        }
        return flags;
    }
}
