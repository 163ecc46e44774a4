package dev.tracks.analysis.worker.skill;

import java.util.Map;

/**
 * What a source skill's load did.
 *
 * @param summary for the task's {@code status.resultSummary}, kept even when the load is rejected
 * @param rejection why the task fails although the accepted part was committed (null: it succeeds)
 */
public record SourceOutcome(Map<String, Object> summary, String rejection) {

    public SourceOutcome {
        summary = Map.copyOf(summary);
    }
}
