package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.progress.ProgressListener;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.UserScope;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

/** A migrated test database with points and a way to run a skill over them. */
final class RunFixture {

    static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    final DataSource dataSource;
    final Database database;

    RunFixture(String name, String... ddl) throws SQLException {
        dataSource = TestDatabase.migratedDatabase(name);
        database = new Database(TestDatabase.jdbcUrl(name), "postgres", null);
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }

    /** Runs one skill over every user, reading 700 fixes a batch, with {@code params} over its defaults. */
    void run(Skill skill, TaskMode mode, Map<String, Object> params) throws SQLException {
        new SkillRun(SkillRegistry.standard(), database).execute(new RunRequest(skill, mode, params, UserScope.all(),
                700, null), (progress, last) -> { });
    }

    /** Runs the default chain, then {@code more} in order; a skill's parameters from {@code params}, if there. */
    void runChainAnd(TaskMode mode, Map<Skill, Map<String, Object>> params, Skill... more) throws SQLException {
        List<Skill> skills = new ArrayList<>(SkillCatalog.DEFAULT_CHAIN);
        skills.addAll(List.of(more));
        for (Skill skill : skills) {
            run(skill, mode, params.getOrDefault(skill, Map.of()));
        }
    }

    /** Times of a user's track: steps of 10 to 90 s from {@code start}, deterministic for the seed. */
    static List<Instant> times(Instant start, int count, long seed) {
        Random random = new Random(seed);
        List<Instant> times = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < count; i++) {
            times.add(at);
            at = at.plusSeconds(10 + random.nextInt(81));
        }
        return times;
    }

    void insert(String userId, List<Instant> times) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO track_points (user_id, recorded_at, lat, lon) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < times.size(); i++) {
                insert.setString(1, userId);
                insert.setObject(2, OffsetDateTime.ofInstant(times.get(i), ZoneOffset.UTC));
                insert.setDouble(3, 47.0 + i * 1e-5);
                insert.setDouble(4, 8.0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Inserts generated fixes (their ids are not kept: the database numbers the points). */
    void insert(String userId, Fixes fixes) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement("INSERT INTO track_points (user_id, recorded_at, lat, lon,"
                     + " altitude_m) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < fixes.size(); i++) {
                insert.setString(1, userId);
                insert.setObject(2, OffsetDateTime.ofInstant(Instant.ofEpochMilli(fixes.time(i)), ZoneOffset.UTC));
                insert.setDouble(3, fixes.lat(i));
                insert.setDouble(4, fixes.lon(i));
                insert.setObject(5, Double.isNaN(fixes.altitude(i)) ? null : fixes.altitude(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** All of a user's fixes from the database, in the order the worker reads them. */
    Fixes fixesOf(String userId) throws SQLException {
        Fixes fixes = new Fixes();
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT id, recorded_at, lat, lon FROM track_points"
                     + " WHERE user_id = ? ORDER BY recorded_at, id")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    fixes.add(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli(),
                            row.getDouble(3), row.getDouble(4), Double.NaN, Double.NaN);
                }
            }
        }
        return fixes;
    }

    List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                List<Object> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(comparable(row.getObject(c)));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** Timestamps as instants and SQL arrays as lists, so rows compare by value. */
    private static Object comparable(Object value) throws SQLException {
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        return value;
    }

    long count(String sql) throws SQLException {
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }

    RunRequest request(StreamSkill<?, ?> skill, TaskMode mode, UserScope scope, int batchSize) {
        return new RunRequest(skill.skill(), mode, Map.of(), scope, batchSize, null);
    }

    SkillRun run(StreamSkill<?, ?> skill, TaskMode mode, UserScope scope, int batchSize, ProgressListener listener)
            throws SQLException {
        SkillRun run = new SkillRun(new SkillRegistry(List.of(skill)), database);
        run.execute(request(skill, mode, scope, batchSize), listener);
        return run;
    }
}
