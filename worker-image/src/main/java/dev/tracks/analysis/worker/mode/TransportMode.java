package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The transport_mode skill: splits one user's clean fixes into movement segments and classifies each.
 *
 * <p>Segmentation after Zheng et al. 2008 ("Understanding mobility based on GPS data", UbiComp; walk segments as
 * change points): each step is labelled walk, non-walk or still ({@link StepProfile}), runs of equal labels are merged
 * ({@link Segmenter}, minSegmentSeconds replaces the paper's distance threshold), stays of 5 min and gaps longer than
 * 15 min (trackintel's staypoint defaults) end a movement, except a gap whose displacement implies a ride (a subway
 * underground, {@link StepProfile#isRideWithoutSignal}), which stays inside it as one non-walk step. Each segment gets
 * the coarse class of trackintel {@code predict_transport_mode(method="simple-coarse")} ({@link CoarseMode}) and a fine
 * class ({@link FineMode}; with the active OSM load's tracks and roads as evidence, {@link ModeNetwork}). Deviation from trackintel, as the catalog states: the coarse speed is the segment's median
 * step speed, not length / duration, so that stops at lights do not turn a car into slow mobility.
 *
 * <p>Input: fixes in time order (equal times allowed; a step without elapsed time adds length but no speed).
 * Streaming ({@link StreamResult}): the open segment at the end of the data, which later fixes may extend or merge,
 * is provisional; {@code resumeIndex} is its first fix (or that of the pending movement or still run that is not a
 * segment yet) and {@code contextIndex} reaches {@link StepProfile#CONTEXT_MILLIS} further back for the label windows.
 * Segments between the context and {@code from} are not reported again.
 */
public final class TransportMode {

    private TransportMode() {
    }

    /** {@link #segments(Fixes, int, TransportModeParams, ModeNetwork)} by motion alone, without an OSM network. */
    public static StreamResult<MovementSegment> segments(Fixes fixes, int from, TransportModeParams params) {
        return segments(fixes, from, params, ModeNetwork.NONE);
    }

    /**
     * Finds and classifies the movement segments of fixes {@code from..} (earlier fixes are context only).
     *
     * @param from the first fix not analyzed yet: 0, or the previous call's resumeIndex minus its contextIndex
     * @param network the active OSM load's tracks and roads, or {@link ModeNetwork#NONE}
     */
    public static StreamResult<MovementSegment> segments(Fixes fixes, int from, TransportModeParams params,
                                                         ModeNetwork network) {
        StepProfile profile = StepProfile.of(fixes);
        List<MovementSegment> finals = new ArrayList<>();
        Segmenter segmenter = new Segmenter(fixes, profile, params, network, finals);
        int n = fixes.size();
        int runFirst = from;
        int runLabel = -1;
        int groupFirst = from;
        for (int j = from + 1; j < n; j++) {
            long dt = fixes.time(j) - fixes.time(j - 1);
            if (dt == 0) {
                continue;
            }
            int previousGroupFirst = groupFirst;
            groupFirst = j;
            if (dt > StepProfile.GAP_MILLIS && !StepProfile.isRideWithoutSignal(dt, profile.stepMeters[j])) {
                if (runLabel >= 0) {
                    segmenter.run((byte) runLabel, runFirst, j - 1);
                }
                segmenter.endMovement();
                runFirst = j;
                runLabel = -1;
            } else if (runLabel < 0) {
                runLabel = profile.labels[j];
            } else if (profile.labels[j] != runLabel) {
                segmenter.run((byte) runLabel, runFirst, previousGroupFirst);
                runFirst = previousGroupFirst;
                runLabel = profile.labels[j];
            }
        }
        List<MovementSegment> provisional = new ArrayList<>();
        if (runLabel >= 0) {
            segmenter.run((byte) runLabel, runFirst, n - 1);
            MovementSegment open = segmenter.openSegment();
            if (open != null) {
                provisional.add(open);
            }
        }
        int open = segmenter.openFirst();
        int resume = open >= 0 ? open : Math.min(runFirst, n);
        return new StreamResult<>(finals, provisional, resume, contextFor(fixes, resume));
    }

    private static int contextFor(Fixes fixes, int resume) {
        if (resume == 0 || resume >= fixes.size()) {
            return Math.max(0, resume - 1);
        }
        int context = resume - 1;
        long windowStart = fixes.time(resume) - StepProfile.CONTEXT_MILLIS;
        while (context > 0 && fixes.time(context - 1) >= windowStart) {
            context--;
        }
        return context;
    }
}
