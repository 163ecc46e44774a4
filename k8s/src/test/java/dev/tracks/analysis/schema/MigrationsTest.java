package dev.tracks.analysis.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one schema, applied to a real (embedded) PostgreSQL 17. */
class MigrationsTest {

    @Test
    void migrationsApplyToAnEmptyDatabaseAndAgainAsANoOp() throws SQLException {
        DataSource db = TestDatabase.emptyDatabase("migrations_twice");
        Flyway flyway = TestDatabase.flyway(db);

        MigrateResult first = flyway.migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(flyway.info().all().length).isGreaterThanOrEqualTo(3);

        MigrateResult second = flyway.migrate();
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        flyway.validate();

        assertThat(tables(db)).contains("track_points", "skill_watermarks", "analysis_tasks");
    }

    @Test
    void trackPointsHaveTheFieldsSkillsNeedAndATimeOrderedIndexPerUser() throws SQLException {
        DataSource db = TestDatabase.migratedDatabase("migrations_points");
        assertThat(columns(db, "track_points")).containsExactly("id", "user_id", "device_id", "recorded_at", "lat",
                "lon", "altitude_m", "speed_mps", "accuracy_m", "heading_deg", "source", "is_synthetic", "label_mode",
                "received_at");
        assertThat(indexDefinitions(db, "track_points")).anySatisfy(definition ->
                assertThat(definition).contains("(user_id, recorded_at)"));

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon) VALUES ('u1', now(), 47.37, 8.54)");
            try (ResultSet rs = s.executeQuery("SELECT source, is_synthetic FROM track_points")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("app");
                assertThat(rs.getBoolean(2)).isFalse();
            }
            assertThatThrownBy(() -> s.execute(
                    "INSERT INTO track_points (user_id, recorded_at, lat, lon) VALUES ('u1', now(), 91, 8.54)"))
                    .hasMessageContaining("track_points_lat_check");
        }
    }

    @Test
    void statusMirrorHasTheOldSystemsColumnsAndListingIndexes() throws SQLException {
        DataSource db = TestDatabase.migratedDatabase("migrations_mirror");
        assertThat(columns(db, "analysis_tasks")).contains("skill_name", "task_type", "status", "progress_percent",
                "eta_seconds", "total_points", "processed_points", "failed_points", "start_time", "end_time",
                "result_summary", "error_message", "depends_on_task_ids", "blocks_task_ids", "created_by",
                "created_at", "updated_at", "namespace", "name", "uid", "resource_version", "deleted_at");
        // The listing's filters and sort keys (V22): each page is read from an index.
        assertThat(indexDefinitions(db, "analysis_tasks"))
                .anySatisfy(d -> assertThat(d).contains("(status, created_at, id)"))
                .anySatisfy(d -> assertThat(d).contains("(skill_name, created_at, id)"))
                .anySatisfy(d -> assertThat(d).contains("(created_at, id)"))
                .anySatisfy(d -> assertThat(d).contains("(updated_at, id)"))
                .anySatisfy(d -> assertThat(d).contains("(priority, id)"))
                .anySatisfy(d -> assertThat(d).contains("(created_at, id) WHERE (deleted_at IS NULL)"));

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO analysis_tasks (namespace, name, uid, skill_name,"
                    + " task_type, status) VALUES ('ns', 't', gen_random_uuid(), 'stay_detection', 'INCREMENTAL',"
                    + " 'Exploded')")).hasMessageContaining("analysis_tasks_status_check");
        }
    }

    @Test
    void watermarksAreOnePerSkillAndUser() throws SQLException {
        DataSource db = TestDatabase.migratedDatabase("migrations_watermarks");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            String insert = "INSERT INTO skill_watermarks (skill_name, user_id, last_recorded_at, last_point_id)"
                    + " VALUES ('stay_detection', 'u1', now(), 10)";
            s.execute(insert);
            assertThatThrownBy(() -> s.execute(insert)).hasMessageContaining("skill_watermarks_pkey");
        }
    }

    private static List<String> tables(DataSource db) throws SQLException {
        return strings(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    private static List<String> columns(DataSource db, String table) throws SQLException {
        return strings(db, "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY ordinal_position");
    }

    private static List<String> indexDefinitions(DataSource db, String table) throws SQLException {
        return strings(db, "SELECT indexdef FROM pg_indexes WHERE tablename = '" + table + "'");
    }

    private static List<String> strings(DataSource db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
