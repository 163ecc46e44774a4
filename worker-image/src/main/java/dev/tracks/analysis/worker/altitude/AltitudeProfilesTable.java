package dev.tracks.analysis.worker.altitude;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/** The altitude_profiles dataset: per trip, valid altitudes, their range, gain, loss and the steepest grade. */
public final class AltitudeProfilesTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.ALTITUDE_PROFILES, "started_at",
            List.of("user_id", "trip_id", "started_at", "finished_at", "n_points", "valid_points", "min_altitude_m",
                    "max_altitude_m", "gain_m", "loss_m", "max_grade_pct"),
            new CsvExport("altitude_profiles.csv", "altitude_profiles", List.of(Column.of("user_id"),
                    Column.of("trip_id"), Column.time("started_at"), Column.time("finished_at"),
                    Column.of("n_points"), Column.of("valid_points", "fixes with a valid altitude"),
                    Column.rounded("min_altitude_m", 1), Column.rounded("max_altitude_m", 1),
                    Column.rounded("gain_m", 1), Column.rounded("loss_m", 1),
                    new Column("max_grade_pct", settings -> "round(max_grade_pct::numeric, 1)",
                            "steepest grade in percent, negative downhill")),
                    "user_id, started_at"));

    private AltitudeProfilesTable() {
    }

    static void write(ResultSink sink, String userId, AltitudeProfile profile) {
        DATASET.row(sink, userId, profile.tripId(), Instant.ofEpochMilli(profile.startMillis()),
                Instant.ofEpochMilli(profile.endMillis()), profile.fixCount(), profile.validFixes(),
                profile.minMeters(), profile.maxMeters(), profile.gainMeters(), profile.lossMeters(),
                profile.maxGradePercent());
    }
}
