package dev.tracks.analysis.worker.speedspace;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.util.List;

/** The speed_space_profiles dataset: per user, one row per H3 cell with enough moving fixes. */
public final class SpeedSpaceProfilesTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.SPEED_SPACE_PROFILES, List.of("user_id",
            "resolution", "cell", "n_points", "median_speed_kmh", "p85_speed_kmh"),
            new CsvExport("speed_space_profiles.csv", "speed_space_profiles", List.of(Column.of("user_id"),
                    Column.of("resolution"), new Column("h3_cell", settings -> "to_hex(cell)", "hex"),
                    Column.of("n_points", "moving fixes"), Column.rounded("median_speed_kmh", 1),
                    Column.rounded("p85_speed_kmh", 1)), "user_id, cell"));

    private SpeedSpaceProfilesTable() {
    }

    static void write(ResultSink sink, String userId, CellSpeedProfile profile) {
        DATASET.row(sink, userId, CellVisits.resolutionOf(profile.cell()), profile.cell(), profile.count(),
                profile.medianKmh(), profile.p85Kmh());
    }
}
