package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegmentsTable;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The triplegs dataset: the movement between consecutive stays, its id the id of its first fix. */
public final class TriplegsTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.TRIPLEGS, "started_at", List.of(
            "tripleg_id", "user_id", "started_at", "finished_at", "first_point_id", "last_point_id", "n_points",
            "length_m", "mode_coarse", "mode"), new CsvExport("triplegs.csv", "triplegs", List.of(Column.of("user_id"),
            Column.of("tripleg_id"), Column.time("started_at"), Column.time("finished_at"),
            Column.of("mode_coarse", MovementSegmentsTable.labels(CoarseMode.values())),
            Column.of("mode", MovementSegmentsTable.labels(FineMode.values())),
            Column.rounded("length_m", 1), Column.of("n_points")), "user_id, started_at"));

    private TriplegsTable() {
    }

    /** The length in metres of all of a user's triplegs per fine mode (stored label), in the order of the labels. */
    public static Map<String, Double> lengthByMode(Connection db, String userId) throws SQLException {
        Map<String, Double> lengths = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT mode, sum(length_m) FROM triplegs"
                + " WHERE user_id = ? GROUP BY mode ORDER BY mode")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    lengths.put(row.getString(1), row.getDouble(2));
                }
            }
        }
        return lengths;
    }

    static void write(ResultSink sink, String userId, Tripleg leg) {
        DATASET.row(sink, leg.id(), userId, Instant.ofEpochMilli(leg.startMillis()),
                Instant.ofEpochMilli(leg.endMillis()), leg.firstFixId(), leg.lastFixId(), leg.fixCount(),
                leg.lengthMeters(), MovementSegmentsTable.label(leg.modeCoarse()),
                MovementSegmentsTable.label(leg.mode()));
    }
}
