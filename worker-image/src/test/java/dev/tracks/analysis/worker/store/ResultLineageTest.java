package dev.tracks.analysis.worker.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parts of lineage on PostgreSQL: digests of a user's rows, who gets marked, and which mark a run clears. */
class ResultLineageTest {

    private static final ResultTable TRIPLEGS = new ResultTable("triplegs", List.of("tripleg_id", "user_id",
            "started_at", "finished_at", "first_point_id", "last_point_id", "n_points", "length_m", "mode_coarse",
            "mode"), "started_at");
    private static final UUID TASK = UUID.fromString("0b7c3c52-5d0e-4c7b-9a39-1f3f7f0e2a11");
    private static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedDatabase("result_lineage");
    }

    @Test
    void theDigestIsOfTheRowsInTheCoveredTimesWhateverTheirOrderOfWriting() throws SQLException {
        ResultLineage lineage = new ResultLineage(Skill.TRIP_CONSTRUCTION, List.of(TRIPLEGS), null);
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            TimeRange morning = TimeRange.ALL.endingAt(Instant.parse("2026-06-01T12:00:00Z"));
            String empty = lineage.digest(db, "ada", TimeRange.ALL);
            sql.execute(legs("ada", 1, 2));
            String inOrder = lineage.digest(db, "ada", TimeRange.ALL);
            String morningOnly = lineage.digest(db, "ada", morning);
            sql.execute("DELETE FROM triplegs");
            sql.execute(legs("ada", 2, 1));
            assertThat(lineage.digest(db, "ada", TimeRange.ALL)).isEqualTo(inOrder).isNotEqualTo(empty);
            sql.execute("UPDATE triplegs SET length_m = length_m + 1e-9 WHERE tripleg_id = 2");
            assertThat(lineage.digest(db, "ada", TimeRange.ALL)).as("a change in the 9th decimal")
                    .isNotEqualTo(inOrder);
            assertThat(lineage.digest(db, "ada", morning)).as("the change lies after the covered times")
                    .isEqualTo(morningOnly);
            sql.execute("UPDATE triplegs SET length_m = length_m - 1e-9 WHERE tripleg_id = 2");
            assertThat(lineage.digest(db, "ada", TimeRange.ALL)).isEqualTo(inOrder);
            sql.execute("UPDATE triplegs SET mode = CASE tripleg_id WHEN 1 THEN 'rail' ELSE 'walk' END,"
                    + " mode_coarse = CASE tripleg_id WHEN 1 THEN 'fast_mobility' ELSE 'slow_mobility' END");
            String railFirst = lineage.digest(db, "ada", TimeRange.ALL);
            sql.execute("UPDATE triplegs SET mode = CASE tripleg_id WHEN 2 THEN 'rail' ELSE 'walk' END,"
                    + " mode_coarse = CASE tripleg_id WHEN 2 THEN 'fast_mobility' ELSE 'slow_mobility' END");
            assertThat(lineage.digest(db, "ada", TimeRange.ALL)).as("two legs trading their modes")
                    .isNotEqualTo(railFirst);
            sql.execute(legs("bob", 3));
            assertThat(lineage.digest(db, "ada", morning)).as("another user's rows").isEqualTo(morningOnly);
            db.rollback();
        }
    }

    @Test
    void changedResultsMarkOnlyTheDownstreamSkillsWithResultsForTheUserAndARunClearsOnlyTheMarkItSaw()
            throws SQLException {
        ResultLineage stays = new ResultLineage(Skill.STAY_DETECTION, List.of(TRIPLEGS), TASK);
        ResultLineage trips = new ResultLineage(Skill.TRIP_CONSTRUCTION, List.of(TRIPLEGS), null);
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            for (String mark : List.of("trip_construction ada", "stay_stats ada", "transport_mode ada",
                    "stay_detection ada", "trip_construction bob")) {
                String[] skillAndUser = mark.split(" ");
                sql.execute("INSERT INTO skill_watermarks (skill_name, user_id, last_recorded_at, last_point_id)"
                        + " VALUES ('" + skillAndUser[0] + "', '" + skillAndUser[1] + "', now(), 1)");
            }
            String before = stays.digest(db, "ada", TimeRange.ALL);
            stays.replaced(db, "ada", TimeRange.ALL, before, ResultLineage.Cause.LATE_POINTS, null);
            assertThat(marks(sql)).as("equal results mark nothing").isEmpty();
            sql.execute(legs("ada", 1));
            stays.replaced(db, "ada", TimeRange.ALL, before, ResultLineage.Cause.LATE_POINTS, null);
            assertThat(marks(sql)).containsExactly("stay_stats ada stay_detection late_points " + TASK,
                    "trip_construction ada stay_detection late_points " + TASK);

            Instant seen = trips.invalidatedAt(db, "ada").orElseThrow();
            // The inputs change again while trip_construction recomputes ada: her mark gets a later time.
            sql.execute("UPDATE stale_results SET invalidated_at = clock_timestamp() WHERE user_id = 'ada'");
            String unchanged = trips.digest(db, "ada", TimeRange.ALL);
            trips.replaced(db, "ada", TimeRange.ALL, unchanged, ResultLineage.Cause.INPUTS_CHANGED, seen);
            assertThat(marks(sql)).as("a mark newer than the run's start stays").hasSize(2);
            trips.replaced(db, "ada", TimeRange.ALL, unchanged, ResultLineage.Cause.INPUTS_CHANGED,
                    trips.invalidatedAt(db, "ada").orElseThrow());
            assertThat(marks(sql)).containsExactly("stay_stats ada stay_detection late_points " + TASK);
            db.rollback();
        }
    }

    /** Triplegs of a user with the given ids, an hour apart from 08:00 on 2026-06-01, in the order given. */
    private static String legs(String user, int... ids) {
        List<String> rows = new ArrayList<>();
        for (int id : ids) {
            rows.add("(" + id + ", '" + user + "', timestamptz '2026-06-01 08:00Z' + interval '3 hours' * " + id
                    + ", timestamptz '2026-06-01 08:30Z' + interval '3 hours' * " + id + ", " + id + ", " + id
                    + ", 2, " + (id * 1000.5) + ", 'slow_mobility', 'walk')");
        }
        return "INSERT INTO triplegs (" + String.join(", ", TRIPLEGS.columns()) + ") VALUES "
                + String.join(", ", rows);
    }

    private static List<String> marks(Statement sql) throws SQLException {
        List<String> marks = new ArrayList<>();
        try (ResultSet row = sql.executeQuery("SELECT skill_name || ' ' || user_id || ' ' || cause_skill || ' '"
                + " || reason || ' ' || coalesce(task_uid::text, '-') FROM stale_results ORDER BY 1")) {
            while (row.next()) {
                marks.add(row.getString(1));
            }
        }
        return marks;
    }
}
