package dev.tracks.analysis.worker.mode;

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

    /** A still run at least this long is a stay and ends the movement. */
    static final long STATIONARY_MILLIS = 5 * 60_000L;

    private final Fixes fixes;
    private final StepProfile profile;
    private final TransportModeParams params;
    private final List<MovementSegment> finals;

    private int segmentFirst = -1;
    private int segmentLast;
    private byte segmentLabel;
    private int pendingFirst = -1;
    private int pendingLast;
    private long pendingWalkMillis;
    private long pendingNonWalkMillis;

    Segmenter(Fixes fixes, StepProfile profile, TransportModeParams params, List<MovementSegment> finals) {
        this.fixes = fixes;
        this.profile = profile;
        this.params = params;
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
            finals.add(SegmentStats.segment(fixes, profile, segmentFirst, segmentLast, params));
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
        return segmentFirst < 0 ? null : SegmentStats.segment(fixes, profile, segmentFirst, segmentLast, params);
    }

    private void continueSegment(byte label, int first, int last, long duration) {
        boolean interruption = label == segmentLabel || label == StepProfile.STILL
                || duration < params.minSegmentMillis();
        if (interruption) {
            segmentLast = last;
            return;
        }
        finals.add(SegmentStats.segment(fixes, profile, segmentFirst, segmentLast, params));
        startSegment(label, first, last);
    }

    private void extendPending(byte label, int first, int last, long duration) {
        if (pendingFirst < 0) {
            pendingFirst = first;
            pendingWalkMillis = 0;
            pendingNonWalkMillis = 0;
        }
        pendingLast = last;
        if (label == StepProfile.WALK) {
            pendingWalkMillis += duration;
        } else if (label == StepProfile.NON_WALK) {
            pendingNonWalkMillis += duration;
        }
        if (label != StepProfile.STILL && duration >= params.minSegmentMillis()) {
            startSegment(label, pendingFirst, pendingLast);
        } else if (pendingWalkMillis + pendingNonWalkMillis >= params.minSegmentMillis()) {
            byte longer = pendingWalkMillis > pendingNonWalkMillis ? StepProfile.WALK : StepProfile.NON_WALK;
            startSegment(longer, pendingFirst, pendingLast);
        }
    }

    private void startSegment(byte label, int first, int last) {
        segmentFirst = first;
        segmentLast = last;
        segmentLabel = label;
        pendingFirst = -1;
    }
}
