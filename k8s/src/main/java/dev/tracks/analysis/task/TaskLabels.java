package dev.tracks.analysis.task;

/** Labels and annotations the admin API puts on the AnalysisTasks it creates, and the status mirror reads. */
public final class TaskLabels {

    /** The chain (POST /trigger-chain) a task belongs to: a label, so that a chain's tasks can be selected. */
    public static final String CHAIN = "analysis.tracks.dev/chain";
    /** The caller who created the task through the admin API (their identity): an annotation. */
    public static final String CREATED_BY = "analysis.tracks.dev/created-by";
    /** The import (POST /imports) a data_import task reads: an annotation with the import_sources id. */
    public static final String IMPORT_SOURCE = "analysis.tracks.dev/import-source";

    private TaskLabels() {
    }
}
