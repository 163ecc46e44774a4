package dev.tracks.analysis.worker.density;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.util.List;

/** The density_hotspots dataset: per user, one row per H3 cell the user visited. */
public final class DensityHotspotsTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.DENSITY_HOTSPOTS, List.of("user_id",
            "resolution", "cell", "n_points", "dwell_seconds", "days", "gi_z", "gi_p", "gi_hot", "percentile_hot"),
            new CsvExport("density_hotspots.csv", "density_hotspots", List.of(Column.of("user_id"),
                    Column.of("resolution"), new Column("h3_cell", settings -> "to_hex(cell)", "hex"),
                    Column.of("n_points"), Column.rounded("dwell_seconds", 1),
                    Column.of("days", "distinct local days"), Column.rounded("gi_z", 3),
                    Column.of("gi_p", "two-sided; empty where Gi* is undefined"), Column.of("gi_hot"),
                    Column.of("percentile_hot")), "user_id, cell"));

    private DensityHotspotsTable() {
    }

    static void write(ResultSink sink, String userId, CellDensity row) {
        DATASET.row(sink, userId, CellVisits.resolutionOf(row.cell()), row.cell(), row.fixes(), row.dwellSeconds(),
                row.days(), orNull(row.giZ()), orNull(row.giP()), row.giHot(), row.percentileHot());
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
