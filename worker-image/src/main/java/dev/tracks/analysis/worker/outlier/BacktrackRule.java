package dev.tracks.analysis.worker.outlier;

/**
 * BACKTRACK: an out-and-back spike at a possible speed, after the loop rule of scikit-mobility
 * {@code filtering.filter(include_loops=True, max_loop=6, ratio_max=0.25)}, reduced to one fix.
 *
 * <p>Semantics for clean fix {@code k} with clean neighbours {@code k-2 .. k+2}: with legs {@code a = |k-1, k|},
 * {@code b = |k, k+1|} and base {@code |k-1, k+1|}, the turn at {@code k} (the angle between its two legs, from the law
 * of cosines) is {@code <} {@code backtrackMaxAngleDegrees}, the shorter leg is longer than {@code driftRadiusMeters}
 * (shorter legs are GPS jitter) and at least {@value #LEG_RATIO} times the longer of the steps around,
 * {@code |k-2, k-1|} and {@code |k+1, k+2|}. The last condition tells a spike from a genuine U-turn, whose legs are as
 * long as the steps before and after it. The first two and last two clean fixes are never BACKTRACK.
 */
final class BacktrackRule {

    /** How many times longer than the surrounding steps both legs of a spike are. */
    static final double LEG_RATIO = 3;

    private BacktrackRule() {
    }

    /** Sets BACKTRACK in {@code reasons} (indexed by clean fix) for the clean fixes not flagged yet that backtrack. */
    static void flag(CleanTrack track, OutlierParameters parameters, OutlierReason[] reasons) {
        double minLeg = parameters.driftRadiusMeters();
        double maxCosine = Math.cos(Math.toRadians(parameters.backtrackMaxAngleDegrees()));
        for (int k = 2; k < track.size() - 2; k++) {
            if (reasons[k] == null && isSpike(track, k, minLeg, maxCosine)) {
                reasons[k] = OutlierReason.BACKTRACK;
            }
        }
    }

    private static boolean isSpike(CleanTrack track, int k, double minLeg, double maxCosine) {
        double in = track.step(k);
        double out = track.step(k + 1);
        double shorter = Math.min(in, out);
        if (shorter <= minLeg) {
            return false;
        }
        double steps = Math.max(track.step(k - 1), track.step(k + 2));
        if (shorter < LEG_RATIO * steps) {
            return false;
        }
        double base = track.distance(k - 1, k + 1);
        double cosTurn = (in * in + out * out - base * base) / (2 * in * out);
        return cosTurn > maxCosine;
    }
}
