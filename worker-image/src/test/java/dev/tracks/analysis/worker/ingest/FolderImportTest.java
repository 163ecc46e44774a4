package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.run.RunRequest;
import dev.tracks.analysis.worker.run.SkillRun;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.UserScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One data_import over many files (a folder, a zip archive) into a real PostgreSQL. */
class FolderImportTest {

    private static final Instant DAY = Instant.parse("2026-06-01T06:00:00Z");

    private static DataSource dataSource;
    private static Database database;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedDatabase("folder_import");
        database = new Database(TestDatabase.jdbcUrl("folder_import"), "postgres", null);
    }

    private static SkillRun importing(Path source) throws SQLException {
        return importing(source.toString());
    }

    private static SkillRun importing(String source) throws SQLException {
        SkillRun run = new SkillRun(SkillRegistry.standard(), database);
        Map<String, Object> params = new HashMap<>();
        params.put("source", source);
        run.execute(new RunRequest(Skill.DATA_IMPORT, TaskMode.INCREMENTAL, params, UserScope.all(), 1000, null),
                (progress, last) -> { });
        return run;
    }

    /** A CSV of {@code fixes} fixes of the user, one every 10 s from {@code first} (0-based fix number). */
    private static String csv(String user, int first, int fixes) {
        StringBuilder text = new StringBuilder("user_id,time,lat,lon\n");
        for (int i = first; i < first + fixes; i++) {
            text.append(user).append(',').append(DAY.plusSeconds(10L * i)).append(',')
                    .append(47 + i * 1e-5).append(',').append(8 + i * 1e-5).append('\n');
        }
        return text.toString();
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection(); ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long points(String user) throws SQLException {
        return count("SELECT count(*) FROM track_points WHERE user_id = '" + user + "'");
    }

    /** Fixes stored more than once (same user, time and position): must be none. */
    private static long repeated(String userPrefix) throws SQLException {
        return count("SELECT count(*) FROM (SELECT 1 FROM track_points WHERE user_id LIKE '" + userPrefix
                + "%' GROUP BY user_id, recorded_at, lat, lon HAVING count(*) > 1) r");
    }

    @Test
    void aFolderOfManyFilesIsOneRunWithAReportPerFile() throws Exception {
        for (int day = 0; day < 40; day++) {
            Files.writeString(dir.resolve(String.format("day-%02d.csv", day)), csv("many-" + day % 4, day * 100, 100));
        }

        SkillRun first = importing(dir);

        assertThat(count("SELECT count(*) FROM track_points WHERE user_id LIKE 'many-%'")).isEqualTo(4000);
        assertThat(first.resultSummary()).containsEntry("files", 40).containsEntry("insertedPoints", 4000L)
                .containsEntry("rejectedFiles", 0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perFile = (List<Map<String, Object>>) first.resultSummary().get("perFile");
        assertThat(perFile).hasSize(40).allSatisfy(file -> assertThat(file).containsEntry("rows", 100L)
                .containsEntry("insertedPoints", 100L).containsEntry("imported", true));
        assertThat(perFile.get(0).get("file").toString()).endsWith("day-00.csv");

        SkillRun again = importing(dir);
        assertThat(again.resultSummary()).containsEntry("insertedPoints", 0L).containsEntry("files", 40);
        assertThat(count("SELECT count(*) FROM track_points WHERE user_id LIKE 'many-%'")).isEqualTo(4000);
    }

    @Test
    void aRejectedFileInTheMiddleLeavesNothingAndTheOthersAreKept() throws Exception {
        Files.writeString(dir.resolve("a.csv"), csv("middle-a", 0, 50));
        // Larger than a chunk, so its first chunk is written before its bad rows at the end are read: the savepoint
        // of the file must take it back.
        String big = csv("middle-b", 0, FixWriter.CHUNK_ROWS + 1000)
                + "middle-b,yesterday,47,8\n".repeat((FixWriter.CHUNK_ROWS + 1000) / 10);
        Files.writeString(dir.resolve("b.csv"), big);
        Files.writeString(dir.resolve("c.csv"), csv("middle-c", 0, 50) + "middle-c,2026-06-01T09:00:00Z,95,8\n");
        Files.writeString(dir.resolve("d.csv"), csv("middle-d", 0, 50));

        assertThatThrownBy(() -> importing(dir)).isInstanceOfSatisfying(WorkerFailure.class, failure ->
                assertThat(failure.getMessage()).contains("1 of 4 files rejected", "b.csv", "line 51002"));

        assertThat(points("middle-a")).isEqualTo(50);
        assertThat(points("middle-b")).as("nothing of the rejected file, not even its first chunk").isZero();
        assertThat(points("middle-c")).as("one bad row of 51 is within the 5% share").isEqualTo(50);
        assertThat(points("middle-d")).isEqualTo(50);
    }

    @Test
    void overlappingFilesAndStoredFixesAreImportedOnce() throws Exception {
        Files.writeString(dir.resolve("1-first.csv"), csv("overlap", 0, 300));
        Files.writeString(dir.resolve("2-middle.csv"), csv("overlap", 200, 300));
        Files.writeString(dir.resolve("3-same.csv"), csv("overlap", 0, 300));

        SkillRun run = importing(dir);

        assertThat(points("overlap")).isEqualTo(500);
        assertThat(repeated("overlap")).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perFile = (List<Map<String, Object>>) run.resultSummary().get("perFile");
        assertThat(perFile).extracting(file -> file.get("insertedPoints")).containsExactly(300L, 200L, 0L);

        Files.writeString(dir.resolve("4-later.csv"), csv("overlap", 450, 100));
        SkillRun later = importing(dir);
        assertThat(later.resultSummary()).containsEntry("insertedPoints", 50L);
        assertThat(points("overlap")).isEqualTo(550);
        assertThat(repeated("overlap")).isZero();
    }

    @Test
    void aZipArchiveAndAGzipFileImportLikeAFolder() throws Exception {
        Path zip = dir.resolve("tracks.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("007/Trajectory/20081023025304.plt", "010/Trajectory/20070804033032.plt")) {
                out.putNextEntry(new ZipEntry("Data/" + name));
                out.write(Files.readAllBytes(Imports.resource("geolife").resolve(name)));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("__MACOSX/Data/._x.csv"));
            out.write("not a track".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("phone/zipped.csv"));
            out.write(csv("zipped", 0, 20).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("squeezed.csv.gz")))) {
            out.write(csv("squeezed", 0, 30).getBytes(StandardCharsets.UTF_8));
        }

        SkillRun run = importing(dir);

        assertThat(run.resultSummary()).containsEntry("files", 4).containsEntry("rejectedFiles", 0);
        assertThat(points("zipped")).isEqualTo(20);
        assertThat(points("squeezed")).isEqualTo(30);
        assertThat(points("007")).as("the GeoLife user folder inside the archive").isPositive();
        assertThat(points("010")).isPositive();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perFile = (List<Map<String, Object>>) run.resultSummary().get("perFile");
        assertThat(perFile).extracting(file -> file.get("file").toString().substring(dir.toString().length() + 1))
                .containsExactly("squeezed.csv.gz", "tracks.zip!/Data/007/Trajectory/20081023025304.plt",
                        "tracks.zip!/Data/010/Trajectory/20070804033032.plt", "tracks.zip!/phone/zipped.csv");
        assertThat(count("SELECT count(*) FROM track_points WHERE user_id = 'zipped' AND source = 'import:csv'"))
                .isEqualTo(20);
    }

    @Test
    void aGpxFileWithoutAUserIsItsNamesUser() throws Exception {
        Files.copy(Imports.resource("track-1-0.gpx"), dir.resolve("morning-walk.gpx"));

        importing(dir);

        assertThat(points("morning-walk")).isPositive();
    }

    @Test
    void twoConcurrentImportsOfTheSameFilesInsertEachFixOnce() throws Exception {
        for (int file = 0; file < 12; file++) {
            // Users and times interleave across files, so both imports need the same users' locks again and again.
            Files.writeString(dir.resolve(String.format("part-%02d.csv", file)),
                    csv("race-" + file % 3, file * 3_000, 12_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Object> run = () -> {
                start.await();
                return importing(dir).resultSummary().get("insertedPoints");
            };
            Future<Object> one = pool.submit(run);
            Future<Object> two = pool.submit(run);
            start.countDown();
            long inserted = (Long) one.get(2, TimeUnit.MINUTES) + (Long) two.get(2, TimeUnit.MINUTES);

            long distinct = count("SELECT count(*) FROM (SELECT DISTINCT user_id, recorded_at, lat, lon"
                    + " FROM track_points WHERE user_id LIKE 'race-%') d");
            assertThat(count("SELECT count(*) FROM track_points WHERE user_id LIKE 'race-%'")).isEqualTo(distinct);
            assertThat(inserted).as("what the two runs report inserting is what is stored").isEqualTo(distinct);
            assertThat(repeated("race-")).isZero();
            // user k has files k, k+3, k+6, k+9, each 12,000 fixes from fix 3,000 * file: 39,000 distinct fixes
            assertThat(distinct).isEqualTo(3 * 39_000L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureAfterACommitKeepsWholeFilesAndTheRetryAddsOnlyTheRest() throws Exception {
        int big = (int) FixWriter.COMMIT_ROWS + 10;
        Files.writeString(dir.resolve("1-big.csv"), csv("retry", 0, big));
        byte[] second = gzip(csv("retry", big - 5, 100));
        // Cut short: gunzip fails in the middle of the file, as a crash would stop the import there.
        Files.write(dir.resolve("2-next.csv.gz"), Arrays.copyOf(second, second.length / 2));

        assertThatThrownBy(() -> importing(dir)).isInstanceOf(WorkerFailure.class)
                .hasMessageContaining("params.source");
        assertThat(points("retry")).as("the first file was committed at its end, nothing of the second")
                .isEqualTo(big);

        Files.write(dir.resolve("2-next.csv.gz"), second);
        SkillRun retry = importing(dir);

        assertThat(retry.resultSummary()).containsEntry("insertedPoints", 95L);
        assertThat(points("retry")).isEqualTo(big + 95);
        assertThat(repeated("retry")).isZero();
    }

    @Test
    void theUploadsOfOneRequestAreOneImportArchivesIncluded() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zipped)) {
            out.putNextEntry(new ZipEntry("153/Trajectory/20081023025304.plt"));
            out.write(Files.readAllBytes(Imports.resource("geolife/007/Trajectory/20081023025304.plt")));
            out.closeEntry();
        }
        long csvId = upload("phone.csv", "CSV", csv("uploaded", 0, 10).getBytes(StandardCharsets.UTF_8));
        long zipId = upload("trips.zip", "ZIP", zipped.toByteArray());

        SkillRun run = importing("upload:" + csvId + "," + zipId);

        assertThat(run.resultSummary()).containsEntry("files", 2).containsEntry("rejectedFiles", 0);
        assertThat(points("uploaded")).isEqualTo(10);
        assertThat(points("153")).as("the user folder inside the uploaded archive").isPositive();
        assertThatThrownBy(() -> importing("upload:" + csvId + ",x")).isInstanceOfSatisfying(WorkerFailure.class,
                failure -> assertThat(failure.getMessage()).contains("params.source", "not an upload id: 'x'"));
    }

    private static long upload(String name, String format, byte[] content) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            ResultSet row = db.createStatement().executeQuery("INSERT INTO import_sources (file_name, format,"
                    + " size_bytes, sha256) VALUES ('" + name + "', '" + format + "', " + content.length
                    + ", 'x') RETURNING id");
            row.next();
            long id = row.getLong(1);
            PreparedStatement chunk = db.prepareStatement("INSERT INTO import_source_chunks VALUES (?, 0, ?)");
            chunk.setLong(1, id);
            chunk.setBytes(2, content);
            chunk.executeUpdate();
            return id;
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void aChunkIsCutPerUserAtGapsAndItsRepeatedFixesAreFound() {
        long hourMillis = StoredFixes.GAP_MICROS / 1000;
        List<ImportedFix> fixes = List.of(ImportedFix.of("u", 0, 1, 1, 0), ImportedFix.of("u", hourMillis, 1, 1, 0),
                ImportedFix.of("u", 3 * hourMillis, 1, 1, 0), ImportedFix.of("v", 5, 0.0, 1, 0),
                ImportedFix.of("u", hourMillis / 2, 1, 1, 0), ImportedFix.of("u", hourMillis, 1, 2, 0),
                ImportedFix.of("u", hourMillis, 1, 1, 9), ImportedFix.of("v", 5, -0.0, 1, 0));

        StoredFixes.Plan plan = StoredFixes.plan(fixes, 0, fixes.size());

        long hour = StoredFixes.GAP_MICROS;
        assertThat(plan.ranges()).containsExactlyInAnyOrder(new StoredFixes.Range("u", 0, hour),
                new StoredFixes.Range("u", 3 * hour, 3 * hour), new StoredFixes.Range("v", 5000, 5000));
        assertThat(plan.repeated()).as("same user, time and position as an earlier fix; altitude does not count")
                .containsExactly(false, false, false, false, false, false, true, true);
        assertThat(StoredFixes.plan(fixes, 3, 8).repeated()).containsExactly(false, false, false, false, true);
        assertThat(new FixKey("u", 1, -0.0, 0.0)).isEqualTo(new FixKey("u", 1, 0.0, -0.0));
    }
}
