package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.run.RunRequest;
import dev.tracks.analysis.worker.run.SkillRun;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.UserScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data_import into a real PostgreSQL: de-duplicated against stored rows; a file is imported whole or not at all. */
class PointImportTest {

    private static DataSource dataSource;
    private static Database database;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedDatabase("point_import");
        database = new Database(TestDatabase.jdbcUrl("point_import"), "postgres", null);
    }

    private SkillRun importing(Path source, Map<String, Object> extra) throws SQLException {
        SkillRun run = new SkillRun(SkillRegistry.standard(), database);
        Map<String, Object> params = new HashMap<>(extra);
        params.put("source", source.toString());
        run.execute(new RunRequest(Skill.DATA_IMPORT, TaskMode.INCREMENTAL, params, UserScope.all(), 1000, null),
                (progress, last) -> { });
        return run;
    }

    private static long points(String userId) throws SQLException {
        try (Connection db = dataSource.getConnection();
             ResultSet row = db.createStatement().executeQuery(
                     "SELECT count(*) FROM track_points WHERE user_id = '" + userId + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aFileIsImportedOnceAndAReImportAddsNothing() throws Exception {
        Path csv = Files.writeString(dir.resolve("walk.csv"), """
                user_id;tracked_at;latitude;longitude;elevation
                walker;2026-05-01T08:00:00Z;47.3700;8.5400;410
                walker;2026-05-01T08:00:10Z;47.3701;8.5401;411
                walker;2026-05-01T08:00:10Z;47.3701;8.5401;411
                walker;2026-05-01T08:00:20+02:00;47.3702;8.5402;
                """);
        SkillRun first = importing(csv, Map.of());
        assertThat(points("walker")).isEqualTo(3);
        assertThat(first.resultSummary()).containsEntry("insertedPoints", 3L).containsEntry("duplicateRows", 1L)
                .containsEntry("rejectedFiles", 0);

        SkillRun again = importing(csv, Map.of());
        assertThat(points("walker")).isEqualTo(3);
        assertThat(again.resultSummary()).containsEntry("insertedPoints", 0L);
        try (Connection db = dataSource.getConnection();
             ResultSet row = db.createStatement().executeQuery("SELECT recorded_at, altitude_m, source FROM"
                     + " track_points WHERE user_id = 'walker' ORDER BY recorded_at LIMIT 1")) {
            row.next();
            assertThat(row.getObject(1, OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.parse("2026-05-01T06:00:20Z"));
            assertThat(row.getDouble(2)).isZero();
            assertThat(row.wasNull()).isTrue();
            assertThat(row.getString(3)).isEqualTo("import:csv");
        }
    }

    @Test
    void aFileWithTooManyBadRowsIsRejectedWholeAndTheTaskFailsNamingIt() throws IOException, SQLException {
        Path good = Files.writeString(dir.resolve("a-good.csv"), """
                user_id,time,lat,lon
                mixed,2026-05-02T08:00:00Z,47.0,8.0
                """);
        Path bad = Files.writeString(dir.resolve("b-bad.csv"), """
                user_id,time,lat,lon
                mixed,2026-05-02T09:00:00Z,47.0,8.0
                mixed,2026-05-02T09:00:10Z,95.0,8.0
                mixed,yesterday,47.0,8.0
                """);
        assertThat(Files.exists(good) && Files.exists(bad)).isTrue();

        assertThatThrownBy(() -> importing(dir, Map.of()))
                .isInstanceOfSatisfying(WorkerFailure.class, failure -> {
                    assertThat(failure.exitCode()).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
                    assertThat(failure.getMessage()).contains("1 of 2 files rejected", "b-bad.csv", "line 3",
                            "line 4");
                });
        // The good file is in, nothing of the bad one (its valid first row included).
        assertThat(points("mixed")).isEqualTo(1);
    }

    @Test
    void anUploadIsReadChunkByChunkFromTheDatabase() throws SQLException {
        byte[] csv = """
                user_id;time;lat;lon
                uploader;2026-05-03T08:00:00Z;47.0;8.0
                uploader;2026-05-03T08:00:10Z;47.0001;8.0001
                """.getBytes(StandardCharsets.UTF_8);
        long id;
        try (Connection db = dataSource.getConnection()) {
            ResultSet row = db.createStatement().executeQuery("INSERT INTO import_sources (file_name, format,"
                    + " size_bytes, sha256) VALUES ('phone.csv', 'CSV', " + csv.length + ", 'x') RETURNING id");
            row.next();
            id = row.getLong(1);
            // Cut in the middle of a line: the reader must see one continuous stream.
            PreparedStatement insert = db.prepareStatement("INSERT INTO import_source_chunks VALUES (?, ?, ?)");
            int cut = 50;
            insert.setLong(1, id);
            insert.setInt(2, 0);
            insert.setBytes(3, Arrays.copyOfRange(csv, 0, cut));
            insert.executeUpdate();
            insert.setInt(2, 1);
            insert.setBytes(3, Arrays.copyOfRange(csv, cut, csv.length));
            insert.executeUpdate();
        }
        SkillRun run = new SkillRun(SkillRegistry.standard(), database);
        run.execute(new RunRequest(Skill.DATA_IMPORT, TaskMode.INCREMENTAL, Map.of("source", "upload:" + id),
                UserScope.all(), 1000, null), (progress, last) -> { });
        assertThat(points("uploader")).isEqualTo(2);
        assertThat(run.resultSummary()).containsEntry("insertedPoints", 2L);
    }

    @Test
    void aMissingSourceIsAClearNonRetryableError() {
        assertThatThrownBy(() -> importing(dir.resolve("nowhere.gpx"), Map.of()))
                .isInstanceOfSatisfying(WorkerFailure.class, failure -> {
                    assertThat(failure.exitCode()).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
                    assertThat(failure.getMessage()).contains("params.source", "nowhere.gpx");
                });
    }

    @Test
    void oneImplausibleTimeRejectsItsRowOnlyAndTheOtherFixesAreImported() throws Exception {
        StringBuilder csv = new StringBuilder("user_id,time,lat,lon\n");
        for (int i = 0; i < 99; i++) {
            csv.append("clockless,2026-05-04T08:").append(String.format("%02d:%02d", i / 60, i % 60))
                    .append("Z,47.0,8.0\n");
        }
        csv.insert(csv.indexOf("\n", 500) + 1, "clockless,-0500-05-04T08:00:00Z,47.0,8.0\n");
        Path file = Files.writeString(dir.resolve("clockless.csv"), csv);

        SkillRun run = importing(file, Map.of());

        assertThat(points("clockless")).isEqualTo(99);
        assertThat(run.resultSummary()).containsEntry("rows", 100L).containsEntry("insertedPoints", 99L)
                .containsEntry("rejectedRows", 1L).containsEntry("rejectedFiles", 0);
    }

    @Test
    void thePlausibleWindowIsAParameter() throws Exception {
        Path file = Files.writeString(dir.resolve("old.csv"), """
                user_id,time,lat,lon
                historian,1985-06-01T08:00:00Z,47.0,8.0
                historian,2026-05-05T08:00:00Z,47.0,8.0
                """);

        SkillRun run = importing(file, Map.of("earliestYear", 1980));

        assertThat(points("historian")).isEqualTo(2);
        assertThat(run.resultSummary()).containsEntry("insertedPoints", 2L);
        String inTwoDays = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString();
        Path ahead = Files.writeString(dir.resolve("ahead.csv"), "user_id,time,lat,lon\n"
                + "prophet,2026-05-05T08:00:00Z,47.0,8.0\nprophet," + inTwoDays + ",47.0,8.0\n");
        assertThat(importing(ahead, Map.of("maxRejectedShare", 0.5)).resultSummary())
                .as("more than a day ahead").containsEntry("insertedPoints", 1L).containsEntry("rejectedRows", 1L);
        assertThat(importing(ahead, Map.of("maxFutureHours", 72)).resultSummary())
                .containsEntry("insertedPoints", 1L).containsEntry("rejectedRows", 0L);
        assertThat(points("prophet")).isEqualTo(2);
        assertThatThrownBy(() -> importing(file, Map.of("earliestYear", 1960)))
                .isInstanceOfSatisfying(WorkerFailure.class, failure -> {
                    assertThat(failure.exitCode()).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
                    assertThat(failure.getMessage()).contains("params.earliestYear", "between 1970 and 2100");
                });
    }

    @Test
    void aNulCharacterRejectsItsRowOnlyInsteadOfFailingTheImportInCopy() throws Exception {
        Path file = Files.writeString(dir.resolve("garbled.csv"), "user_id,time,lat,lon,label\n"
                + "garbled,2026-05-06T08:00:00Z,47.0,8.0,walk\n"
                + "garbled,2026-05-06T08:00:10Z,47.0,8.0,wa\0lk\n"
                + "garbled,2026-05-06T08:00:20Z,47.0,8.0,walk\n");

        SkillRun run = importing(file, Map.of("maxRejectedShare", 0.5));

        assertThat(points("garbled")).isEqualTo(2);
        assertThat(run.resultSummary()).containsEntry("insertedPoints", 2L).containsEntry("rejectedRows", 1L);
    }
}
