package dev.tracks.analysis.worker.speedspace;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.util.List;

/** The speed_home_correlations dataset: per user, Spearman's rho of speed against distance from home. */
public final class SpeedHomeCorrelationsTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.SPEED_HOME_CORRELATIONS, List.of(
            "user_id", "n_points", "rho", "p_value"),
            new CsvExport("speed_home_correlations.csv", "speed_home_correlations", List.of(Column.of("user_id"),
                    Column.of("n_points", "moving fixes paired with a distance from home"),
                    Column.rounded("rho", 3), Column.of("p_value", "two-sided")), "user_id"));

    private SpeedHomeCorrelationsTable() {
    }

    static void write(ResultSink sink, String userId, SpeedHomeCorrelation correlation) {
        DATASET.row(sink, userId, correlation.count(), orNull(correlation.rho()), orNull(correlation.p()));
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
