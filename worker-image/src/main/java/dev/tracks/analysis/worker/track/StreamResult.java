package dev.tracks.analysis.worker.track;

import java.util.List;

/**
 * What an analysis of one user's fixes found in one call, split so that a run can stop after any batch and resume
 * with the same results as a run in one piece.
 *
 * <p>The caller passes all fixes from {@code contextIndex} of the previous call on, plus new fixes, and the index
 * {@code from} of the first fix not analyzed yet. The analysis returns:
 * <ul>
 *   <li>{@code finals}: results that no later fix can change; each starts before fix {@code resumeIndex};</li>
 *   <li>{@code provisional}: results that hold only if no fix follows (a window still open at the end of the data);
 *       each starts at or after fix {@code resumeIndex}. They are written at the end of a run and replaced by the
 *       next run;</li>
 *   <li>{@code resumeIndex}: the first fix whose results are not final: the next call analyzes again from here. It is
 *       never inside a group of fixes with the same time, so "at or after its time" is well defined;</li>
 *   <li>{@code contextIndex} (at most {@code resumeIndex}): the first fix the next call needs to see, as context.</li>
 * </ul>
 * Every analysis of this shape has a test that splitting the fixes into chunks at arbitrary points gives the same
 * finals and provisionals as one call over all of them.
 */
public record StreamResult<R>(List<R> finals, List<R> provisional, int resumeIndex, int contextIndex) {

    public StreamResult {
        finals = List.copyOf(finals);
        provisional = List.copyOf(provisional);
        if (contextIndex > resumeIndex) {
            throw new IllegalArgumentException("contextIndex " + contextIndex + " > resumeIndex " + resumeIndex);
        }
    }
}
