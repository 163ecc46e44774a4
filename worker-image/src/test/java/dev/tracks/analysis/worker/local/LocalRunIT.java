package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.track.SyntheticTrack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command local run as a user runs it, three times on one data directory. Everything is real: the packaged
 * launcher ({@code java -jar target/tracks-worker.jar local}), the embedded PostgreSQL 17 it starts and keeps, the
 * packaged API service in its local mode ({@code ../api-service/target/quarkus-app}, found by the launcher's default),
 * the worker processes it runs, the admin API over HTTP. Between runs the test opens the kept database itself.
 */
class LocalRunIT {

    /** A chain line of the summary: skill, status, processed points. */
    private static final Pattern TASK_LINE = Pattern.compile("(?m)^  ([a-z_]+) +([A-Za-z]+) +([\\d,]+|-) points");
    private static final Pattern IMPORTED = Pattern.compile("imported .*: ([\\d,]+|-) new points");

    /** A detected stay, in epoch millis. */
    private record Interval(long start, long end) {

        /**
         * Inside a generated stay, with two minutes of slack: a stay ends at the first fix beyond 100 m (trackintel's
         * finished_at), some 80 s into a walk at 5 km/h sampled every 10 s.
         */
        boolean within(SyntheticTrack.Stay generated) {
            return start >= generated.startMillis() - 120_000 && end <= generated.endMillis() + 120_000;
        }
    }

    @TempDir
    Path dir;

    @Test
    void importsAnalysesAndPicksUpWhereTheDataLeftOff() throws Exception {
        Path data = dir.resolve("data");
        SampleTracks.Sample sample = SampleTracks.generate(SampleTracks.SAMPLE_SEED, SampleTracks.SAMPLE_START, 2);

        long started = System.nanoTime();
        String first = run(data);
        System.out.printf("first local run on the sample: %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(statuses(first)).as(first).hasSize(8).allSatisfy((skill, status) -> assertThat(status)
                .isEqualTo("Succeeded"));
        assertThat(first).contains("curl -H 'Authorization: Bearer " + token(data) + "' http://localhost:");
        assertThat(first).contains("PGPASSWORD=\"$(cat '" + data.resolve(DataDirectory.DATABASE_PASSWORD_FILE)
                + "')\" psql -h localhost -p ");
        assertThat(first).as("./run-local prints the console's URL").containsPattern(
                "\nConsole: http://localhost:[0-9]+/console \\(log in with the token in ");
        Stored afterFirst = stored(data);
        assertThat(afterFirst.points()).isEqualTo(sample.points());
        assertThat(afterFirst.stays()).containsOnlyKeys(sample.stays().keySet());
        sample.stays().forEach((user, truth) -> assertFound(user, truth, sample.reportable().get(user),
                afterFirst.stays().get(user)));

        String second = run(data);
        assertThat(statuses(second)).as(second).hasSize(8).allSatisfy((skill, status) -> assertThat(status)
                .isEqualTo("Succeeded"));
        assertThat(stored(data)).as("the same file again adds nothing and the results are kept")
                .isEqualTo(afterFirst);

        Instant later = Instant.parse("2026-03-05T06:00:00Z");
        SampleTracks.Sample extra = SampleTracks.generate(7, later, 1);
        Path extraFile = dir.resolve("extra.csv");
        Files.writeString(extraFile, extra.csv(), StandardCharsets.UTF_8);
        String third = run(data, "--input", extraFile.toString());
        assertThat(statuses(third)).as(third).hasSize(8).allSatisfy((skill, status) -> assertThat(status)
                .isEqualTo("Succeeded"));
        Stored afterThird = stored(data);
        assertThat(afterThird.points()).isEqualTo(sample.points() + extra.points());
        afterFirst.stays().forEach((user, before) -> assertThat(afterThird.stays().get(user)).as("earlier stays kept")
                .containsAll(before));
        extra.stays().forEach((user, truth) -> assertFound(user, truth, extra.reportable().get(user),
                afterThird.stays().get(user).stream().filter(stay -> stay.start() >= later.toEpochMilli()).toList()));

        // What the runs reported through the admin API: new points per import, analysed points per task.
        assertThat(imported(first)).as(first).containsExactly((long) sample.points());
        assertThat(processed(first).get("outlier_detection")).as(first).isEqualTo((long) sample.points());
        assertThat(imported(second)).as(second).containsExactly(0L);
        assertThat(processed(second)).as(second).hasSize(8).allSatisfy((skill, points) -> assertThat(points)
                .isZero());
        assertThat(imported(third)).as(third).containsExactly((long) extra.points());
        assertThat(processed(third).get("outlier_detection")).as("only the new points: " + third)
                .isEqualTo((long) extra.points());
    }

    /** Every detected stay lies within a generated one, and every reportable generated stay is found. */
    private static void assertFound(String user, List<SyntheticTrack.Stay> truth,
                                    List<SyntheticTrack.Stay> reportable, List<Interval> detected) {
        for (Interval stay : detected) {
            assertThat(truth).as("%s: a stay from %s to %s", user, Instant.ofEpochMilli(stay.start()),
                    Instant.ofEpochMilli(stay.end())).anyMatch(generated -> stay.within(generated));
        }
        for (SyntheticTrack.Stay generated : reportable) {
            assertThat(detected).as("%s: the generated stay from %s to %s", user,
                    Instant.ofEpochMilli(generated.startMillis()), Instant.ofEpochMilli(generated.endMillis()))
                    .anyMatch(stay -> stay.within(generated));
        }
    }

    /** Runs the packaged launcher to its end; its output, after checking it exited 0. */
    private String run(Path data, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", "target/tracks-worker.jar", "local", "--exit-when-done", "--data-dir",
                data.toString(), "--port", String.valueOf(freePort())));
        command.addAll(List.of(more));
        Path log = Files.createTempFile(dir, "run", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The new points each import reported; null where it reported none. */
    private static List<Long> imported(String output) {
        List<Long> counts = new ArrayList<>();
        Matcher matcher = IMPORTED.matcher(output);
        while (matcher.find()) {
            counts.add(number(matcher.group(1)));
        }
        return counts;
    }

    /** The summary's status per skill. */
    private static Map<String, String> statuses(String output) {
        Map<String, String> statuses = new LinkedHashMap<>();
        Matcher matcher = TASK_LINE.matcher(output.substring(output.lastIndexOf("\nChain ")));
        while (matcher.find()) {
            statuses.put(matcher.group(1), matcher.group(2));
        }
        return statuses;
    }

    /** The summary's processed points per skill; null where the API reported none. */
    private static Map<String, Long> processed(String output) {
        Map<String, Long> processed = new LinkedHashMap<>();
        Matcher matcher = TASK_LINE.matcher(output.substring(output.lastIndexOf("\nChain ")));
        while (matcher.find()) {
            processed.put(matcher.group(1), number(matcher.group(3)));
        }
        return processed;
    }

    private static Long number(String text) {
        return "-".equals(text) ? null : Long.valueOf(text.replace(",", ""));
    }

    private static String token(Path data) throws IOException {
        return Files.readString(data.resolve(DataDirectory.TOKEN_FILE)).trim();
    }

    /** What the kept database holds after a run: the points and, per user, the stays by start. */
    private record Stored(long points, Map<String, List<Interval>> stays) {
    }

    /** Opens the kept database itself (the launcher has stopped it) and reads it. */
    private static Stored stored(Path data) throws IOException, SQLException {
        Map<String, List<Interval>> stays = new LinkedHashMap<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setConnectConfig("password", new DataDirectory(data).databasePassword())
                // failsafe puts the packaged jar on the class path, and its manifest class path (lib/) holds the
                // PostgreSQL binaries a second time, which zonky's default resolver refuses: take the first.
                .setPgBinaryResolver((system, hardware) -> LocalRunIT.class.getResourceAsStream(String.format(
                        "/postgres-%s-%s.txz", system.toLowerCase(Locale.ROOT), hardware)))
                .start();
             Connection db = postgres.getPostgresDatabase().getConnection();
             Statement query = db.createStatement()) {
            try (ResultSet rows = query.executeQuery("SELECT user_id, started_at, finished_at FROM stays"
                    + " ORDER BY user_id, started_at")) {
                while (rows.next()) {
                    stays.computeIfAbsent(rows.getString(1), user -> new ArrayList<>()).add(new Interval(
                            rows.getTimestamp(2).getTime(), rows.getTimestamp(3).getTime()));
                }
            }
            try (ResultSet count = query.executeQuery("SELECT count(*) FROM track_points")) {
                count.next();
                return new Stored(count.getLong(1), stays);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
