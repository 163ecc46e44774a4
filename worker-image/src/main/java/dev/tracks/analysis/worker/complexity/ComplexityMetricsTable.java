package dev.tracks.analysis.worker.complexity;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/**
 * The complexity_metrics dataset: per trip, sinuosity, fractal dimension, E_max and directional change of its path
 * at the step length used.
 */
public final class ComplexityMetricsTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.COMPLEXITY_METRICS, "started_at",
            List.of("user_id", "trip_id", "started_at", "finished_at", "n_points", "path_m", "step_m", "n_steps",
                    "sinuosity", "fractal_dimension", "e_max", "dc_mean_deg_s", "sddc_deg_s", "note"),
            new CsvExport("complexity_metrics.csv", "complexity_metrics", List.of(Column.of("user_id"),
                    Column.of("trip_id"), Column.time("started_at"), Column.time("finished_at"),
                    Column.of("n_points"), Column.rounded("path_m", 1),
                    Column.of("step_m", "step length of the rediscretized path"),
                    Column.of("n_steps", "steps of the rediscretized path"), Column.rounded("sinuosity", 5),
                    Column.rounded("fractal_dimension", 4), Column.rounded("e_max", 3),
                    Column.rounded("dc_mean_deg_s", 3), Column.rounded("sddc_deg_s", 3),
                    Column.of("note", "why measures are null: too_few_steps, straight, too_short_for_fractal,"
                            + " too_few_turns")),
                    "user_id, started_at"));

    private ComplexityMetricsTable() {
    }

    static void write(ResultSink sink, String userId, PathComplexity complexity) {
        DATASET.row(sink, userId, complexity.tripId(), Instant.ofEpochMilli(complexity.startMillis()),
                Instant.ofEpochMilli(complexity.endMillis()), complexity.fixCount(), complexity.pathMeters(),
                complexity.stepMeters(), complexity.steps(), complexity.sinuosity(), complexity.fractalDimension(),
                complexity.eMax(), complexity.directionalChangeMean(), complexity.directionalChangeSd(),
                complexity.note());
    }
}
