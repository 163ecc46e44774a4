package dev.tracks.analysis.worker.direction;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The directional_metrics dataset: per user, a row for all the user's steps and one per trip. */
public final class DirectionalMetricsTable {

    /** The compass sectors in the order of {@link DirectionalBias#sectorMeters()}, as column name prefixes. */
    static final List<String> SECTORS = List.of("n", "ne", "e", "se", "s", "sw", "w", "nw");

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.DIRECTIONAL_METRICS, columns(),
            new CsvExport("directional_metrics.csv", "directional_metrics", exported(),
                    "user_id, trip_id NULLS FIRST"));

    private DirectionalMetricsTable() {
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("user_id", "scope", "trip_id", "started_at", "finished_at",
                "n_steps", "distance_m", "mean_bearing_deg", "resultant_length", "rayleigh_p"));
        SECTORS.forEach(sector -> columns.add(sector + "_m"));
        return columns;
    }

    private static List<Column> exported() {
        List<Column> columns = new ArrayList<>(List.of(Column.of("user_id"), Column.of("scope", "user or trip"),
                Column.of("trip_id", "the trip, empty for the user's row"), Column.time("started_at"),
                Column.time("finished_at"), Column.of("n_steps"), Column.rounded("distance_m", 1),
                Column.rounded("mean_bearing_deg", 1), Column.rounded("resultant_length", 4),
                Column.of("rayleigh_p", "Rayleigh test p value, Zar's approximation")));
        SECTORS.forEach(sector -> columns.add(Column.rounded(sector + "_m", 1)));
        return columns;
    }

    static void write(ResultSink sink, String userId, DirectionalBias bias) {
        Object[] row = new Object[10 + SECTORS.size()];
        row[0] = userId;
        row[1] = bias.isUser() ? "user" : "trip";
        row[2] = bias.tripId();
        row[3] = Instant.ofEpochMilli(bias.startMillis());
        row[4] = Instant.ofEpochMilli(bias.endMillis());
        row[5] = bias.steps();
        row[6] = bias.distanceMeters();
        row[7] = bias.meanBearingDegrees();
        row[8] = bias.resultantLength();
        row[9] = bias.rayleighP();
        for (int s = 0; s < SECTORS.size(); s++) {
            row[10 + s] = bias.sectorMeters()[s];
        }
        DATASET.row(sink, row);
    }
}
