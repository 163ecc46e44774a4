package dev.tracks.analysis.worker.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fixes held in memory count a run's work as the schema's pending_points counts the same fixes stored in
 * track_points, and read the same fixes: with and without flags, watermarks, late fixes, and a scope of users and
 * times.
 */
class MemoryFixesTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    private DataSource dataSource;
    private Database database;

    @BeforeEach
    void setUp() throws SQLException {
        dataSource = TestDatabase.migratedDatabase("memory_fixes");
        database = new Database(TestDatabase.jdbcUrl("memory_fixes"), "postgres", null);
        try (Connection db = dataSource.getConnection()) {
            db.createStatement().execute(
                    "TRUNCATE track_points, point_flags, skill_watermarks, stale_results CASCADE");
        }
    }

    @Test
    void countsAndReadsWhatTheDatabaseCountsAndReads() throws SQLException {
        insert("ada", 0, 300);
        insert("bob", 100, 200);
        insert("cy", 0, 50);
        try (Connection db = database.connect("test")) {
            // Flags on some fixes, one of them twice (two reasons); watermarks for ada in the middle, bob at the end.
            flag(db, "ada", 10, "SPEED");
            flag(db, "ada", 10, "JUMP");
            flag(db, "ada", 200, "DRIFT");
            flag(db, "bob", 150, "SPEED");
            Watermarks marks = new Watermarks("skill_watermarks");
            marks.save(db, Skill.STAY_DETECTION, new Watermark("ada", time(150), idAt(db, "ada", 150), 150, null, null,
                    "a"), null);
            marks.save(db, Skill.STAY_DETECTION, new Watermark("bob", time(299), idAt(db, "bob", 299), 200, null, null,
                    "b"), null);
            db.commit();
        }
        // Late fixes: recorded before the watermarks, arriving after them (higher ids), one of them flagged.
        insert("ada", 40, 45);
        insert("bob", 120, 122);
        try (Connection db = database.connect("test")) {
            flag(db, "ada", 40, "SPEED");
            db.commit();
        }

        try (Connection db = database.connect("test")) {
            // bob's results are stale: his watermark covers nothing either.
            db.createStatement().execute("INSERT INTO stale_results (skill_name, user_id, cause_skill, reason)"
                    + " VALUES ('stay_detection', 'bob', 'outlier_detection', 'late_points')");
            db.commit();
        }
        MemoryFixes memory = new MemoryFixes(storedFixes());
        List<UserScope> scopes = List.of(UserScope.all(),
                new UserScope(List.of("ada", "nobody"), TimeRange.ALL, 0, 1),
                new UserScope(List.of(), new TimeRange(time(100), true, time(250), false), 0, 1));
        try (Connection db = database.connect("test")) {
            for (UserScope scope : scopes) {
                for (boolean incremental : new boolean[] {true, false}) {
                    for (boolean clean : new boolean[] {true, false}) {
                        // With hash "b" ada's watermark (other parameters) covers nothing.
                        for (String hash : new String[] {null, "b"}) {
                            assertThat(memory.pendingWork(db, Skill.STAY_DETECTION, scope, incremental, clean, hash))
                                    .as("%s incremental %s clean %s hash %s", scope, incremental, clean, hash)
                                    .isEqualTo(PendingWork.count(db, Skill.STAY_DETECTION, scope, incremental,
                                            clean, hash));
                        }
                    }
                }
            }
            TimeRange range = new TimeRange(time(5), false, time(205), true);
            for (boolean clean : new boolean[] {true, false}) {
                memory.pendingWork(db, Skill.STAY_DETECTION, UserScope.all(), true, clean, null);
                for (String user : List.of("ada", "bob")) {
                    assertThat(rows(read(memory.open(db, user, range, clean, 100)))).as(user).isNotEmpty()
                            .isEqualTo(rows(read(FixSource.DATABASE.open(db, user, range, clean, 100))));
                }
            }
        }
    }

    /** Fixes at T0 + 60 s * k for k in [from, to). */
    private void insert(String user, int from, int to) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO track_points (user_id, recorded_at, lat, lon) VALUES (?, ?, ?, 8.5)")) {
            for (int k = from; k < to; k++) {
                insert.setString(1, user);
                insert.setObject(2, Sql.timestamp(time(k)));
                insert.setDouble(3, 47 + k * 1e-4);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Instant time(int k) {
        return T0.plusSeconds(60L * k);
    }

    private static long idAt(Connection db, String user, int k) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT max(id) FROM track_points WHERE user_id = ? AND recorded_at = ?")) {
            query.setString(1, user);
            query.setObject(2, Sql.timestamp(time(k)));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void flag(Connection db, String user, int k, String reason) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO point_flags (point_id, user_id, recorded_at,"
                + " reason) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, idAt(db, user, k));
            insert.setString(2, user);
            insert.setObject(3, Sql.timestamp(time(k)));
            insert.setString(4, reason);
            insert.execute();
        }
    }

    /** Every user's stored fixes in (time, id) order, ids included. */
    private Map<String, Fixes> storedFixes() throws SQLException {
        Map<String, Fixes> users = new TreeMap<>();
        try (Connection db = database.connect("test")) {
            for (String user : List.of("ada", "bob", "cy")) {
                users.put(user, read(FixSource.DATABASE.open(db, user, TimeRange.ALL, false, 1000)));
            }
        }
        return users;
    }

    private static Fixes read(FixStream stream) throws SQLException {
        Fixes fixes = new Fixes();
        try (stream) {
            while (stream.readInto(fixes, 1000) > 0) {
                // to the end
            }
        }
        return fixes;
    }

    private static List<String> rows(Fixes fixes) {
        return IntStream.range(0, fixes.size()).mapToObj(i -> fixes.id(i) + " " + fixes.time(i) + " "
                + fixes.lat(i) + " " + fixes.lon(i)).toList();
    }
}
