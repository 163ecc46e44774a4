package dev.tracks.analysis.worker.streak;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.util.List;

/** The activity_streaks dataset: a user's runs of consecutive active local days, per kind. */
public final class ActivityStreaksTable {

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.ACTIVITY_STREAKS, List.of("user_id",
            "kind", "start_date", "end_date", "days", "zone", "zone_source", "is_current"),
            new CsvExport("activity_streaks.csv", "activity_streaks", List.of(Column.of("user_id"),
                    Column.of("kind", "trips, fixes"), Column.of("start_date", "local date"),
                    Column.of("end_date", "local date"), Column.of("days"),
                    Column.of("zone", "IANA zone of the last day"),
                    Column.of("zone_source", "user, location, parameter"),
                    Column.of("is_current", "reaches the last day with fixes or the day before")),
                    "user_id, kind, start_date"));

    private ActivityStreaksTable() {
    }

    static void write(ResultSink sink, String userId, Streak streak) {
        DATASET.row(sink, userId, streak.kind().column(), streak.startDate(), streak.endDate(), streak.days(),
                streak.zone().zone().getId(), streak.zone().source().column(), streak.current());
    }
}
