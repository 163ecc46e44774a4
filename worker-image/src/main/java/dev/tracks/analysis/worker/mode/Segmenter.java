package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.List;

/**
 * The merge step of Zheng et al. 2008, left to right over runs of equally labelled steps: a run shorter than
 * {@code minSegmentSeconds} joins the segment before it ("merged into its backward segment"); a run of at least that
 * length with the other walk / non-walk label starts a new segment. Short still runs (a bus stop, a red light) stay
 * inside the segment; a still run of {@link #STATIONARY_MILLIS} or more ends it (a stay, as trackintel's
 * time_threshold of 5 min) and, like a gap, belongs to no segment. Before the first segment of a movement, short runs
 * wait as a pending prefix: a long run takes them in, or, once their moving time reaches the minimum, they become a
 * segment labelled by their longer moving label (ties: non-walk). Leading still runs are dropped, and a pending prefix
 * shorter than the minimum is dropped at a stay or gap.
 *
 * <p>Runs are fix ranges {@code [first, last]}; consecutive runs share their boundary fix, which is always the first
 * fix of its group of equal times, so a segment never starts inside such a group.
 */
final class Segmenter {

    /** A non-walk run at least this long (net) is a vehicle even if it lasts less than the minimum. */
    static final double VEHICLE_RUN_MIN_METERS = 250;
    /** A still run at least this long is a stay and ends the movement. */
    static final long STATIONARY_MILLIS = 5 * 60_000L;

    private final Fixes fixes;
    private final StepProfile profile;
    private final TransportModeParams params;
    private final ModeNetwork network;
    private final List<MovementSegment> finals;

    private int segmentFirst = -1;
    private int segmentLast;
    private byte segmentLabel;
    private int pendingFirst = -1;
    private int pendingLast;
    private long pendingWalkMillis;
    private long pendingNonWalkMillis;
    /** First fix of the walk and still runs since the open vehicle segment last moved, or -1. */
    private int slowFirst = -1;
    private long slowWalkMillis;
    private int slowWalkSteps;

    Segmenter(Fixes fixes, StepProfile profile, TransportModeParams params, ModeNetwork network,
              List<MovementSegment> finals) {
        this.fixes = fixes;
        this.profile = profile;
        this.params = params;
        this.network = network;
        this.finals = finals;
    }

    /** Takes the next complete run of steps labelled {@code label}, fixes {@code first..last}. */
    void run(byte label, int first, int last) {
        long duration = fixes.time(last) - fixes.time(first);
        if (isStay(label, first, last)) {
            endMovement();
        } else if (segmentFirst >= 0) {
            continueSegment(label, first, last, duration);
        } else if (pendingFirst >= 0 || label != StepProfile.STILL) {
            extendPending(label, first, last, duration);
        }
    }

    boolean isStay(byte label, int first, int last) {
        return label == StepProfile.STILL && fixes.time(last) - fixes.time(first) >= STATIONARY_MILLIS;
    }

    /** At a stay or gap: the open segment is final, a short pending prefix is dropped. */
    void endMovement() {
        if (segmentFirst >= 0) {
            finals.add(SegmentStats.segment(fixes, profile, segmentFirst, segmentLast, params, network));
        }
        segmentFirst = -1;
        pendingFirst = -1;
    }

    /** The first fix of the open segment, else of the pending prefix, else -1. */
    int openFirst() {
        return segmentFirst >= 0 ? segmentFirst : pendingFirst;
    }

    /** The open segment as it stands if no fix follows, or null. */
    MovementSegment openSegment() {
        return segmentFirst < 0 ? null : SegmentStats.segment(fixes, profile, segmentFirst, segmentLast, params, network);
    }

    /**
     * Whether a run is long enough to change the mode: it lasts {@code minSegmentSeconds} over at least two steps (one
     * step of a sparse recording, where a fix comes every minute, is one speed sample and may just span a stop), or
     * it is a non-walk run that covers {@link #VEHICLE_RUN_MIN_METERS} however briefly. The distance rule is Zheng et
     * al.'s: their merge keeps segments by length; a bus that leaves its stop covers 250 m in the first 40 s, which
     * walking never does, so the walk segment before it does not swallow it.
     */
    private boolean isCertain(byte label, int first, int last, long duration) {
        if (label == StepProfile.NON_WALK && Geodesy.distanceMeters(fixes.lat(first), fixes.lon(first),
                fixes.lat(last), fixes.lon(last)) >= VEHICLE_RUN_MIN_METERS) {
            return true;
        }
        if (duration < params.minSegmentMillis()) {
            return false;
        }
        int steps = 0;
        for (int j = first + 1; j <= last && steps < 2; j++) {
            if (fixes.time(j) > fixes.time(j - 1)) {
                steps++;
            }
        }
        return steps >= 2;
    }

    private void continueSegment(byte label, int first, int last, long duration) {
        if (segmentLabel == StepProfile.NON_WALK && label != StepProfile.NON_WALK) {
            slowTail(label, first, last, duration);
            return;
        }
        slowFirst = -1;
        boolean interruption = label == segmentLabel || label == StepProfile.STILL
                || !isCertain(label, first, last, duration);
        if (interruption) {
            segmentLast = last;
            return;
        }
        finals.add(SegmentStats.segment(fixes, profile, segmentFirst, segmentLast, params, network));
        startSegment(label, first, last);
    }

    /**
     * A walk or still run after a vehicle segment. A walker who gets off winds round corners and waits at crossings,
     * so the 2-min still test breaks the walk into short walk and still runs; they count together: once the walk
     * runs since the vehicle last moved add up to the minimum, the walk segment starts where the vehicle stopped. A
     * station or bus stop dwell alone is still, not walk, and keeps the vehicle segment whole.
     */
    private void slowTail(byte label, int first, int last, long duration) {
        if (slowFirst < 0) {
            slowFirst = first;
            slowWalkMillis = 0;
            slowWalkSteps = 0;
        }
        if (label == StepProfile.WALK) {
            slowWalkMillis += duration;
            slowWalkSteps += last - first;
        }
        segmentLast = last;
        if (slowWalkMillis >= params.minSegmentMillis() && slowWalkSteps >= 2) {
            finals.add(SegmentStats.segment(fixes, profile, segmentFirst, slowFirst, params, network));
            startSegment(StepProfile.WALK, slowFirst, last);
        }
    }

    private void extendPending(byte label, int first, int last, long duration) {
        if (pendingFirst < 0) {
            pendingFirst = setOff(first);
            pendingWalkMillis = 0;
            pendingNonWalkMillis = 0;
        }
        pendingLast = last;
        if (label == StepProfile.WALK) {
            pendingWalkMillis += duration;
        } else if (label == StepProfile.NON_WALK) {
            pendingNonWalkMillis += duration;
        }
        if (label != StepProfile.STILL && isCertain(label, first, last, duration)) {
            startSegment(label, pendingFirst, pendingLast);
        } else if (pendingWalkMillis + pendingNonWalkMillis >= params.minSegmentMillis()) {
            byte longer = pendingWalkMillis > pendingNonWalkMillis ? StepProfile.WALK : StepProfile.NON_WALK;
            startSegment(longer, pendingFirst, pendingLast);
        }
    }

    /**
     * Where a movement that the labels see start at fix {@code first} really set off: the long still window
     * ({@link StepProfile#STILL_WINDOW_MILLIS}) still spans the stay for up to 2 min after a walker leaves it, so
     * steps whose short window already moves ({@link StepProfile#isSettingOff}) are taken back into the movement.
     */
    private int setOff(int first) {
        int start = first;
        while (start > 0 && fixes.time(first) - fixes.time(start - 1) <= StepProfile.STILL_WINDOW_MILLIS
                && profile.isSettingOff(start)) {
            start--;
        }
        while (start > 0 && fixes.time(start) == fixes.time(start - 1)) {
            start--;
        }
        return start;
    }

    private void startSegment(byte label, int first, int last) {
        segmentFirst = first;
        segmentLast = last;
        segmentLabel = label;
        slowFirst = -1;
        pendingFirst = -1;
    }
}
