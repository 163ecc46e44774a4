package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Stay points by the sliding window of Li et al. (2008), "Mining user similarity based on location history", with the
 * semantics of trackintel {@code generate_staypoints(method="sliding", distance_metric="haversine",
 * dist_threshold=100, time_threshold=5.0, gap_threshold=15.0, include_last=False)}
 * ({@code trackintel/preprocessing/positionfixes.py}, {@code _generate_staypoints_sliding_user}):
 * <ul>
 *   <li>the window starts at an <em>anchor</em> fix; each following fix is compared with the anchor (not with a
 *       centroid), by great-circle distance on the sphere of radius 6,371 km;</li>
 *   <li>the first fix at distance {@code >= distThresholdMeters} closes the window; the fixes {@code [anchor, closing)}
 *       are a stay if {@code t[closing] - t[anchor] >= timeThresholdMinutes}; the closing fix becomes the next
 *       anchor either way. A stay starts at its anchor's time and ends at the closing fix's time (the first fix
 *       outside it);</li>
 *   <li>a fix more than {@code gapThresholdMinutes} after its predecessor ({@code >}) becomes the anchor, so a stay
 *       never spans a gap; the window open before the gap is dropped, however long it lasted (as in trackintel);</li>
 *   <li>the last window, still open when the fixes end, is dropped, or with {@code includeLast} it is a stay of all
 *       its fixes (ending at the last fix's time) if it lasts long enough. It is returned as <em>provisional</em>:
 *       a later fix may extend it.</li>
 * </ul>
 * Fixes with equal times (the runtime orders by time, then id) form one instant that a window never splits: when the
 * closing fix shares its time with earlier fixes of the window, the window closes at the first fix of that time,
 * which becomes the next anchor; a fix with the anchor's own time never closes the window (its duration would be
 * zero). Without equal times this is exactly trackintel; with them, every anchor is the first fix of its time, which
 * is what the {@link StreamResult} contract needs of {@code resumeIndex}. trackintel drops exact duplicate rows first
 * ({@code exclude_duplicate_pfs}); here they stay, count in {@code fixCount} and the elevation median, but not twice in
 * the centre (distinct coordinates).
 *
 * <p>Resuming: the only state is the anchor, so {@code resumeIndex = contextIndex =} the anchor of the open window.
 * Fast: per fix one squared-chord comparison with the anchor ({@link AnchoredDistance}: no library trigonometry, no
 * {@code acos}, no allocation).
 */
public final class StayDetection {

    private static final long MILLIS_PER_MINUTE = 60_000;

    private StayDetection() {
    }

    /**
     * Finds the stays of one user's fixes from fix {@code from} on.
     *
     * @param fixes one user's fixes in time order (equal times allowed); fix {@code from} must be the first of its
     *     time, as {@code resumeIndex} always is
     * @param from the first fix not analysed yet: the previous call's {@code resumeIndex - contextIndex}, or 0
     * @return finished stays as finals; with {@code includeLast} the open window's stay as provisional
     */
    public static StreamResult<Stay> detectStays(Fixes fixes, int from, StayParameters parameters) {
        int n = fixes.size();
        if (from >= n) {
            return new StreamResult<>(List.of(), List.of(), from, from);
        }
        AnchoredDistance distance = new AnchoredDistance();
        StayBuilder builder = new StayBuilder(fixes, distance);
        double closingChordSquared = AnchoredDistance.chordSquaredOf(parameters.distThresholdMeters());
        double minDurationMillis = parameters.timeThresholdMinutes() * MILLIS_PER_MINUTE;
        double maxGapMillis = parameters.gapThresholdMinutes() * MILLIS_PER_MINUTE;

        List<Stay> finals = new ArrayList<>();
        int anchor = from;
        distance.anchorAt(fixes.lat(anchor), fixes.lon(anchor));
        for (int curr = from + 1; curr < n; curr++) {
            long time = fixes.time(curr);
            if (time - fixes.time(curr - 1) > maxGapMillis) {
                anchor = curr;
                distance.anchorAt(fixes.lat(anchor), fixes.lon(anchor));
            } else if (distance.chordSquared(fixes.lat(curr), fixes.lon(curr)) >= closingChordSquared
                    && time != fixes.time(anchor)) {
                int closing = firstOfItsTime(fixes, curr);
                if (time - fixes.time(anchor) >= minDurationMillis) {
                    finals.add(builder.build(anchor, closing, time));
                }
                anchor = closing;
                distance.anchorAt(fixes.lat(anchor), fixes.lon(anchor));
                // fixes after the new anchor that share its time are compared with it again
                curr = closing;
            }
        }
        List<Stay> provisional = new ArrayList<>();
        long lastTime = fixes.time(n - 1);
        if (parameters.includeLast() && lastTime - fixes.time(anchor) >= minDurationMillis) {
            provisional.add(builder.build(anchor, n, lastTime));
        }
        return new StreamResult<>(finals, provisional, anchor, anchor);
    }

    /** The first fix with the same time as fix {@code index}; callers guarantee an earlier fix with another time. */
    private static int firstOfItsTime(Fixes fixes, int index) {
        int first = index;
        while (fixes.time(first - 1) == fixes.time(index)) {
            first--;
        }
        return first;
    }
}
