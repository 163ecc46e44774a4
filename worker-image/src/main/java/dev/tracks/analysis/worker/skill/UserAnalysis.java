package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;

/** One user's analysis, called with the fixes carried over plus each new batch (see {@link StreamResult}). */
@FunctionalInterface
public interface UserAnalysis<R> {

    StreamResult<R> analyze(Fixes fixes, int from);
}
