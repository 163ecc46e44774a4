package dev.tracks.analysis.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pending_points (V24, V26) answers exactly what V13's full scan answered, for every mode and scope, on fixes with
 * watermarks, late arrivals, outlier flags and synthetic fixes; and an incremental count reads the new fixes through
 * indexes instead of the whole table, and a count of every fix only the index. A user whose results were computed
 * with other parameters, or are stale (V26), counts as one the skill never analyzed.
 */
class PendingPointsTest {

    private static final String SEQUENTIAL_SCAN_OF_FIXES = "\"Seq Scan\",[^{}]*\"Relation Name\": \"track_points\"";
    private static final String[] SKILLS = {"outlier_detection", "stay_detection"};
    private static DataSource dataSource;

    @BeforeAll
    static void fixesOfManyUsers() throws SQLException {
        dataSource = TestDatabase.migratedDatabase("pending_points");
        Random random = new Random(11);
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute(ReferencePendingPoints.createFunction());
            // 40 users, fixes a minute apart over two days, arriving in time order; then late ones.
            sql.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon, is_synthetic)"
                    + " SELECT 'u' || u, timestamptz '2026-05-01' + (i || ' minutes')::interval, 47, 8, i % 97 = 0"
                    + " FROM generate_series(1, 2880) i, generate_series(1, 40) u ORDER BY i, u");
            sql.execute("INSERT INTO point_flags SELECT id, user_id, recorded_at, 'SPEED' FROM track_points"
                    + " WHERE id % 53 = 0");
            for (String skill : SKILLS) {
                // Watermarks for most users, somewhere in their fixes; none for every fifth user.
                for (int user = 1; user <= 40; user++) {
                    if (user % 5 == 0) {
                        continue;
                    }
                    sql.execute("INSERT INTO skill_watermarks (skill_name, user_id, last_recorded_at, last_point_id)"
                            + " SELECT '" + skill + "', user_id, recorded_at, id FROM track_points WHERE user_id = 'u"
                            + user + "' ORDER BY recorded_at OFFSET " + random.nextInt(2880) + " LIMIT 1");
                }
            }
            // Late arrivals: recorded early, stored now (higher ids), for a few users.
            sql.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon) SELECT 'u' || u,"
                    + " timestamptz '2026-05-01 00:00:30' + (u || ' hours')::interval, 47, 8"
                    + " FROM generate_series(1, 40, 3) u");
            sql.execute("INSERT INTO point_flags SELECT id, user_id, recorded_at, 'DRIFT' FROM track_points"
                    + " WHERE user_id = 'u7' AND id > 115200");
            sql.execute("VACUUM ANALYZE");
        }
    }

    @Test
    void answersWhatTheFullScanAnsweredForEveryModeAndScope() throws SQLException {
        String[] scopes = {"NULL, NULL, NULL", "ARRAY['u1', 'u4', 'u5', 'u7', 'nobody', 'u4'], NULL, NULL",
                "NULL, timestamptz '2026-05-01 06:00', timestamptz '2026-05-02 06:00'",
                "ARRAY['u10', 'u13'], timestamptz '2026-05-01 12:00', NULL"};
        int compared = 0;
        for (String skill : SKILLS) {
            for (boolean incremental : new boolean[] {true, false}) {
                for (boolean clean : new boolean[] {true, false}) {
                    for (String scope : scopes) {
                        String args = "'" + skill + "', " + incremental + ", " + clean + ", " + scope;
                        List<List<String>> expected = rows("SELECT * FROM " + ReferencePendingPoints.FUNCTION
                                + "(" + args + ") ORDER BY 1");
                        assertThat(rows("SELECT * FROM pending_points(" + args + ") ORDER BY 1")).as(args)
                                .isEqualTo(expected);
                        compared += expected.size();
                    }
                }
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(500);
        assertThat(rows("SELECT * FROM pending_points('stay_detection', true, true, NULL, NULL, NULL)"
                + " WHERE earliest_late IS NOT NULL")).as("late arrivals found").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void usersWithResultsOfOtherParametersOrStaleCountAllTheirPoints() throws SQLException {
        String incremental = "SELECT * FROM pending_points('stay_detection', true, true, ARRAY['u1', 'u2', 'u3', 'u4',"
                + " 'u6'], NULL, NULL, ?) ORDER BY 1";
        List<List<String>> full = rows("SELECT * FROM pending_points('stay_detection', false, true, ARRAY['u1', 'u2',"
                + " 'u3', 'u4', 'u6'], NULL, NULL) ORDER BY 1");
        List<List<String>> asBefore = rows(incremental.replace("?", "NULL"));
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("UPDATE skill_watermarks SET params_hash = 'old' WHERE skill_name = 'stay_detection'"
                    + " AND user_id IN ('u1', 'u2')");
            sql.execute("INSERT INTO stale_results (skill_name, user_id, cause_skill, reason) VALUES"
                    + " ('stay_detection', 'u3', 'outlier_detection', 'parameters_changed'),"
                    + " ('trip_construction', 'u4', 'stay_detection', 'late_points')");
            List<List<String>> withNew = rows(db, incremental.replace("?", "'new'"));
            assertThat(withNew).as("other parameters for u1, u2; u3 stale").containsExactly(full.get(0), full.get(1),
                    full.get(2), asBefore.get(3), asBefore.get(4));
            assertThat(rows(db, incremental.replace("?", "'old'"))).as("same parameters; u3 stale")
                    .containsExactly(asBefore.get(0), asBefore.get(1), full.get(2), asBefore.get(3), asBefore.get(4));
            assertThat(rows(db, incremental.replace("?", "NULL"))).as("parameters not compared; u3 stale")
                    .containsExactly(asBefore.get(0), asBefore.get(1), full.get(2), asBefore.get(3), asBefore.get(4));
            db.rollback();
        }
        assertThat(full).extracting(row -> row.get(0)).containsExactly("u1", "u2", "u3", "u4", "u6");
        assertThat(asBefore.get(2)).as("u3 had a watermark: stale, it counts more").isNotEqualTo(full.get(2));
        assertThat(asBefore.get(0)).as("u1 had a watermark").isNotEqualTo(full.get(0));
    }

    @Test
    void anIncrementalCountReadsTheNewFixesByIndex() throws SQLException {
        assertThat(plan("SELECT * FROM pending_points('stay_detection', true, true, NULL, NULL, NULL)"))
                .doesNotContainPattern(SEQUENTIAL_SCAN_OF_FIXES)
                .contains("track_points_user_arrival", "track_points_user_recorded_at");
    }

    @Test
    void aCountOfEveryFixReadsOnlyTheIndexOnceTheTableIsVacuumed() throws SQLException {
        assertThat(plan("SELECT * FROM pending_points('stay_detection', false, true, NULL, NULL, NULL)"))
                .doesNotContainPattern(SEQUENTIAL_SCAN_OF_FIXES)
                .containsPattern("\"Index Only Scan\",[^{}]*\"Index Name\": \"track_points_user_recorded_at\"");
    }

    private static String plan(String query) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
             ResultSet plan = sql.executeQuery("EXPLAIN (FORMAT JSON) " + query)) {
            plan.next();
            return plan.getString(1);
        }
    }

    private static List<List<String>> rows(String query) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return rows(db, query);
        }
    }

    private static List<List<String>> rows(Connection db, String query) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query); ResultSet row = statement.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            while (row.next()) {
                rows.add(List.of(row.getString(1), row.getString(2), String.valueOf(row.getString(3))));
            }
            return rows;
        }
    }
}
