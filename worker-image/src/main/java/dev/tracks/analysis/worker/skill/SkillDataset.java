package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.util.List;

/**
 * A result dataset as its skill writes and exports it: the catalog's dataset, the table its rows go to with the
 * columns in the order the skill writes them, and its CSV file. The owning skill's package keeps it beside the typed
 * reads other skills need (e.g. {@code StaysTable.read}); a test checks the columns against the migrated schema and
 * the datasets against the catalog's {@code writes()}.
 */
public record SkillDataset(Dataset dataset, ResultTable table, CsvExport csv) {

    /**
     * A dataset of results in time order, replaced from a time on when points arrive late or results were
     * provisional.
     *
     * @param timeColumn the column that orders a user's results
     */
    public static SkillDataset timed(Dataset dataset, String timeColumn, List<String> columns, CsvExport csv) {
        return new SkillDataset(dataset, new ResultTable(dataset.table(), columns, timeColumn), csv);
    }

    /** A dataset whose rows for a user are recomputed as a whole. */
    public static SkillDataset perUser(Dataset dataset, List<String> columns, CsvExport csv) {
        return new SkillDataset(dataset, ResultTable.perUser(dataset.table(), columns), csv);
    }

    /** Adds one row: values in the order of the table's columns. */
    public void row(ResultSink sink, Object... values) {
        sink.row(table, values);
    }
}
