package dev.tracks.analysis.worker.store;

/** How a run names the result tables: as they are, or as the staging copies of a full recompute. */
@FunctionalInterface
public interface TableNames {

    TableNames LIVE = ResultTable::name;

    /** Staging copies live in the session's temporary schema and vanish with it if the worker dies. */
    TableNames STAGING = table -> "staging_" + table.name();

    String of(ResultTable table);
}
