package dev.tracks.analysis.task;

import java.util.Map;

/** Labels and annotations the admin API puts on the AnalysisTasks it creates, and the status mirror reads. */
public final class TaskLabels {

    /** The chain (POST /trigger-chain) a task belongs to: a label, so that a chain's tasks can be selected. */
    public static final String CHAIN = "analysis.tracks.dev/chain";
    /** The caller who created the task through the admin API (their identity): an annotation. */
    public static final String CREATED_BY = "analysis.tracks.dev/created-by";
    /**
     * How many tasks of its chain wait on a chain task one after another ({@code SkillCatalog.waitingDepth}): an
     * annotation the admin API sets when it creates a chain; among tasks of equal priority and age the deepest starts
     * first. A task without it counts as 0.
     */
    public static final String CHAIN_DEPTH = "analysis.tracks.dev/chain-depth";
    /** The import (POST /imports) a data_import task reads: an annotation with the import_sources id. */
    public static final String IMPORT_SOURCE = "analysis.tracks.dev/import-source";

    private TaskLabels() {
    }

    /** The task's {@link #CHAIN_DEPTH}, 0 when it has none or not a whole number from 0 to 1000. */
    public static int chainDepth(Map<String, String> annotations) {
        String value = annotations == null ? null : annotations.get(CHAIN_DEPTH);
        if (value == null || !value.matches("\\d{1,4}")) {
            return 0;
        }
        return Math.min(1000, Integer.parseInt(value));
    }
}
