package dev.tracks.analysis.api.mirror;

import java.util.Set;
import java.util.UUID;

/**
 * Rows of {@code analysis_tasks} that the mirror wrote, fired as a CDI event inside the writing transaction: observe it
 * with {@code during = TransactionPhase.AFTER_SUCCESS} to act once the rows are committed and readable (the console's
 * server-sent events do).
 *
 * @param uids the resources whose rows were written or marked deleted; empty when a listing's cleanup marked rows
 *     deleted without naming them
 */
public record TasksChanged(Set<UUID> uids) {
}
