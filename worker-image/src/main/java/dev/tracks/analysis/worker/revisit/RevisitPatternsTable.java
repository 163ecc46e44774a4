package dev.tracks.analysis.worker.revisit;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/**
 * revisit_pattern's datasets: revisit_patterns (per location) and location_growth (S(t), per visit), exported with
 * the user's fitted exponent from the view location_growth_fits.
 */
public final class RevisitPatternsTable {

    public static final SkillDataset REVISITS = SkillDataset.perUser(Dataset.REVISIT_PATTERNS, List.of("user_id",
            "location_id", "visits", "days", "first_visit_at", "last_visit_at", "median_return_h", "frequency_rank",
            "recency_rank"), new CsvExport("revisit_patterns.csv", "revisit_patterns", List.of(Column.of("user_id"),
            Column.of("location_id", "locations.location_id"), Column.of("visits"),
            Column.of("days", "distinct local days of the visits' starts"),
            Column.time("first_visit_at", "start of the first visit"),
            Column.time("last_visit_at", "start of the last visit"),
            Column.rounded("median_return_h", 2),
            Column.of("frequency_rank", "1 = most visited (skmob frequency_rank)"),
            Column.of("recency_rank", "1 = most recently visited (skmob recency_rank)")), "user_id, location_id"));

    public static final SkillDataset GROWTH = SkillDataset.perUser(Dataset.LOCATION_GROWTH, List.of("user_id",
            "visit_index", "visited_at", "hours_since_first", "location_id", "distinct_locations"),
            new CsvExport("location_growth.csv", "location_growth_fits", List.of(Column.of("user_id"),
                    Column.of("visit_index"), Column.time("visited_at"), Column.rounded("hours_since_first", 3),
                    Column.of("location_id"), Column.of("distinct_locations", "S(t) after this visit"),
                    new Column("mu", settings -> "round(mu::numeric, 3)",
                            "the user's exponent of S ~ t^mu, log-log least squares"),
                    Column.rounded("mu_r2", 3)), "user_id, visit_index"));

    private RevisitPatternsTable() {
    }

    static void write(ResultSink sink, String userId, LocationRevisits location) {
        REVISITS.row(sink, userId, location.locationId(), location.visits(), location.days(),
                Instant.ofEpochMilli(location.firstMillis()), Instant.ofEpochMilli(location.lastMillis()),
                location.medianReturnHours(), location.frequencyRank(), location.recencyRank());
    }

    static void write(ResultSink sink, String userId, GrowthStep step) {
        GROWTH.row(sink, userId, step.visitIndex(), Instant.ofEpochMilli(step.visitedMillis()),
                step.hoursSinceFirst(), step.locationId(), step.distinctLocations());
    }
}
