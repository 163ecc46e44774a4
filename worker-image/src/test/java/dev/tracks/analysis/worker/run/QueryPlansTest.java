package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.UserScope;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Every statement the runner and the skills make for one user is an index lookup, so a run's cost grows with the
 * users' own fixes and never with the size of the tables: the default chain runs over many users whose fixes are
 * interleaved in the table as phones upload them, incrementally, again with new and late fixes, and as full
 * recomputes; each per-user statement's custom and generic plans (see {@link PlanRecorder}) must read
 * {@code track_points} and every other table through an index condition on the user (or a key lookup), never by a
 * sequential scan or a whole index filtered by user (the backward primary-key scan that stalled runs at 7 M fixes).
 */
class QueryPlansTest {

    private static final int USERS = 50;
    private static final int POINTS = 50_000;
    private static final Pattern USER_ID = Pattern.compile("user-\\d{4}");
    /** An index condition that bounds a scan to one user's rows or to one key. */
    private static final Pattern BOUNDED = Pattern.compile("user_id = |\\(point_id = |\\(id = ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunFixture fixture;
    private static PlanRecorder recorder;
    private static Database recorded;

    @BeforeAll
    static void manyUsers() throws SQLException, IOException {
        fixture = new RunFixture("query_plans");
        try (Connection db = fixture.dataSource.getConnection()) {
            StringBuilder rows = new StringBuilder();
            BenchmarkTracks.generate(POINTS, USERS, 7, (user, millis, lat, lon, altitude, accuracy) -> rows
                    .append(user).append('\t').append(Instant.ofEpochMilli(millis)).append('\t').append(lat)
                    .append('\t').append(lon).append('\t').append(altitude).append('\t').append(accuracy)
                    .append('\n'));
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY track_points (user_id, recorded_at, lat, lon,"
                    + " altitude_m, accuracy_m) FROM STDIN", new StringReader(rows.toString()));
            try (Statement analyze = db.createStatement()) {
                analyze.execute("VACUUM ANALYZE track_points");
            }
        }
        recorder = PlanRecorder.register(value -> value instanceof String text && USER_ID.matcher(text).matches());
        recorded = new Database(PlanRecorder.PREFIX + TestDatabase.jdbcUrl("query_plans").substring("jdbc:".length()),
                "postgres", null);
    }

    @AfterAll
    static void deregister() throws SQLException {
        recorder.deregister();
    }

    @Test
    void everyPerUserStatementOfTheChainIsAnIndexLookup() throws SQLException {
        runChain(TaskMode.INCREMENTAL);
        try (Connection db = fixture.dataSource.getConnection(); Statement statement = db.createStatement()) {
            // New fixes for every user, and a late one (recorded before the watermarks) for one of them.
            statement.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon) SELECT user_id,"
                    + " max(recorded_at) + interval '1 minute', 47.37, 8.54 FROM track_points GROUP BY user_id");
            statement.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon) SELECT user_id,"
                    + " min(recorded_at) + interval '1 second', 47.37, 8.54 FROM track_points"
                    + " WHERE user_id = 'user-0007' GROUP BY user_id");
            statement.execute("ANALYZE");
        }
        runChain(TaskMode.INCREMENTAL);
        runChain(TaskMode.FULL_RECOMPUTE);

        List<PlanRecorder.Explained> explained = recorder.explained();
        assertThat(explained).extracting(PlanRecorder.Explained::sql)
                .as("the statements that read a user's fixes and each result table were explained")
                .anySatisfy(sql -> assertThat(sql).contains("FROM track_points p"))
                .anySatisfy(sql -> assertThat(sql).startsWith("DELETE FROM point_flags"))
                .anySatisfy(sql -> assertThat(sql).startsWith("DELETE FROM footprints"))
                .anySatisfy(sql -> assertThat(sql).contains("FROM stays WHERE user_id"))
                .anySatisfy(sql -> assertThat(sql).contains("FROM movement_segments WHERE user_id"))
                .anySatisfy(sql -> assertThat(sql).contains("FROM grid_cell_visits WHERE user_id"))
                .anySatisfy(sql -> assertThat(sql).contains("FROM trips WHERE user_id"));
        List<String> unbounded = new ArrayList<>();
        for (PlanRecorder.Explained statement : explained) {
            unbounded.addAll(unboundedScans(statement.sql(), "custom", statement.customPlan()));
            unbounded.addAll(unboundedScans(statement.sql(), "generic", statement.genericPlan()));
        }
        assertThat(unbounded).as("scans not bounded to the user").isEmpty();
    }

    private static void runChain(TaskMode mode) throws SQLException {
        for (Skill skill : SkillCatalog.DEFAULT_CHAIN) {
            new SkillRun(SkillRegistry.standard(), recorded).execute(new RunRequest(skill, mode, Map.of(),
                    UserScope.all(), 2_000, null), (progress, last) -> { });
        }
    }

    /** The scans of a plan that are neither bounded by an index condition on the user nor a key lookup. */
    private static List<String> unboundedScans(String sql, String kind, String planJson) {
        List<String> found = new ArrayList<>();
        if (planJson.startsWith(PlanRecorder.FAILED)) {
            return List.of(kind + " plan: " + planJson + " in: " + sql);
        }
        try {
            visit(JSON.readTree(planJson).get(0).get("Plan"), node -> {
                String type = node.path("Node Type").asText();
                String on = node.path("Relation Name").asText(node.path("Index Name").asText());
                boolean indexScan = Set.of("Index Scan", "Index Only Scan", "Bitmap Index Scan").contains(type);
                if (type.equals("Seq Scan")
                        || (indexScan && !BOUNDED.matcher(node.path("Index Cond").asText()).find())) {
                    found.add(kind + " plan: " + type + " on " + on + " (" + node.path("Index Cond").asText()
                            + node.path("Filter").asText() + ") in: " + sql);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON plan: " + planJson, e);
        }
        return found;
    }

    private interface NodeVisitor {
        void visit(JsonNode node);
    }

    private static void visit(JsonNode node, NodeVisitor visitor) {
        visitor.visit(node);
        for (JsonNode child : node.path("Plans")) {
            visit(child, visitor);
        }
    }
}
