package dev.tracks.analysis.worker.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.osm.SyntheticOsmNetwork;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.WorkerCommand;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `analyze` as a user runs it: their files in, an embedded PostgreSQL (started by the command itself), CSV files out,
 * with the generated stays and trips found.
 */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int analyze(String... args) {
        CommandLine command = WorkerCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    /** Home, a walk, an office day, a drive back: two activities and the trips between them. */
    private static SyntheticTrack commute() {
        return SyntheticTrack.startingAt(Instant.parse("2026-04-01T06:00:00Z"), 47.37, 8.54, 11)
                .sampleEvery(Duration.ofSeconds(10))
                .stay(Duration.ofMinutes(40), 6)
                .move(45, 1500, 5)
                .stay(Duration.ofHours(3), 6)
                .move(225, 1500, 30)
                .stay(Duration.ofMinutes(30), 6);
    }

    private static Path writeCsv(Path file, String user, Fixes fixes) throws IOException {
        StringBuilder csv = new StringBuilder("user_id,time,lat,lon\n");
        for (int i = 0; i < fixes.size(); i++) {
            csv.append(user).append(',').append(Instant.ofEpochMilli(fixes.time(i))).append(',')
                    .append(fixes.lat(i)).append(',').append(fixes.lon(i)).append('\n');
        }
        return Files.writeString(file, csv);
    }

    private static Path writeGpx(Path file, Fixes fixes) throws IOException {
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n");
        for (int i = 0; i < fixes.size(); i++) {
            gpx.append("<trkpt lat=\"").append(fixes.lat(i)).append("\" lon=\"").append(fixes.lon(i))
                    .append("\"><time>").append(Instant.ofEpochMilli(fixes.time(i))).append("</time></trkpt>\n");
        }
        return Files.writeString(file, gpx.append("</trkseg></trk></gpx>\n"));
    }

    @Test
    void filesInCsvResultsOut() throws IOException {
        SyntheticTrack track = commute();
        // A CSV names its users (not the file); a GPX file's user is its name.
        Path csv = writeCsv(dir.resolve("export.csv"), "ada", track.fixes());
        Path gpx = writeGpx(dir.resolve("bob-phone.gpx"), track.fixes());
        Path results = dir.resolve("results");

        assertThat(analyze("analyze", "--input", csv + "," + gpx, "--out", results.toString()))
                .as(err.toString()).isZero();

        List<String> stays = Files.readAllLines(results.resolve("stays.csv"));
        assertThat(stays.get(0)).isEqualTo("user_id,stay_id,started_at,finished_at,lat,lon,n_points,elevation_m,"
                + "is_activity");
        // Per user: the home and the office stays are found and are activities; the last stay is still open.
        assertThat(stays.stream().filter(line -> line.startsWith("ada,"))).hasSize(2)
                .allMatch(line -> line.endsWith(",true"));
        assertThat(stays.stream().filter(line -> line.startsWith("bob-phone,"))).hasSize(2);
        assertThat(stays.get(1)).contains(",2026-04-01T06:00:00.000Z,");

        List<String> trips = Files.readAllLines(results.resolve("trips.csv"));
        assertThat(trips.get(0)).isEqualTo("user_id,trip_id,started_at,finished_at,origin_stay_id,"
                + "destination_stay_id,tripleg_ids");
        assertThat(trips.stream().filter(line -> line.startsWith("ada,"))).isNotEmpty();
        List<String> triplegs = Files.readAllLines(results.resolve("triplegs.csv"));
        assertThat(triplegs.get(0)).isEqualTo("user_id,tripleg_id,started_at,finished_at,mode_coarse,mode,length_m,"
                + "n_points");
        assertThat(triplegs.stream().filter(line -> line.startsWith("ada,")).map(line -> line.split(",")[5]))
                .startsWith("walk");
        assertThat(results.resolve("footprints.csv")).exists();
        assertThat(out.toString()).contains("as user bob-phone").contains("export.csv with its own users");
        assertThat(stays.stream().filter(line -> line.startsWith("export,"))).isEmpty();
        // One timing line per phase, in the order they ran (the scale benchmark reads them): the import, then the wait
        // for the embedded PostgreSQL that started meanwhile.
        List<String> phases = new ArrayList<>(List.of("import", "database"));
        SkillCatalog.inDependencyOrder(SkillCatalog.DEFAULT_CHAIN).forEach(skill -> phases.add(skill.id()));
        phases.add("export");
        assertThat(out.toString().lines().filter(line -> line.matches("phase \\S+: \\d+\\.\\d{3} s"))
                .map(line -> line.substring("phase ".length(), line.indexOf(':')))).containsExactlyElementsOf(phases);
    }

    /**
     * The fixes held in memory (the embedded PostgreSQL, users analyzed on three threads) and stored in track_points
     * (--jdbc-url, and --store-fixes on the embedded one; one thread) give the same CSV files, byte for byte: the same
     * fixes with the same ids (point_flags.csv names them), the same repeats dropped across files, a file in reverse
     * time order sorted, and a file rejected by the share rule reported and skipped the same way, though the import
     * had written part of it when its buffer filled up (its ids stay used).
     */
    @Test
    void fixesInMemoryWriteWhatStoredFixesWrite() throws IOException {
        Fixes ada = commute().fixes();
        // A GeoLife tree: ada's day in two PLT files, with a jump 30 km away in the office stay (flagged).
        Path tree = dir.resolve("geolife");
        int half = ada.size() / 2;
        writePlt(tree.resolve("ada/Trajectory/1-morning.plt"), ada, 0, half, -1);
        writePlt(tree.resolve("ada/Trajectory/2-afternoon.plt"), ada, half, ada.size(), half + 40);
        // The same morning again in a CSV, with a second user: every ada fix of it repeats a stored one.
        Fixes eve = SyntheticTrack.startingAt(Instant.parse("2026-04-02T07:00:00Z"), 48.14, 11.58, 12)
                .sampleEvery(Duration.ofSeconds(5)).stay(Duration.ofMinutes(30), 5).move(90, 3000, 20)
                .stay(Duration.ofMinutes(20), 5).fixes();
        Path both = dir.resolve("both.csv");
        Files.writeString(both, csvRows("ada", ada, 0, half, false) + csvRows("eve", eve, 0, eve.size(), false)
                .substring("user_id,time,lat,lon\n".length()));
        // 65,000 rows of which 6 % are invalid (more than the 5 % allowed): rejected after 50,000 were buffered.
        Fixes carl = SyntheticTrack.startingAt(Instant.parse("2026-03-01T00:00:00Z"), 40.0, -3.7, 13)
                .sampleEvery(Duration.ofSeconds(1)).stay(Duration.ofHours(17), 5).fixes();
        StringBuilder rejected = new StringBuilder(csvRows("carl", carl, 0, 61_100, false));
        for (int i = 0; i < 3_900; i++) {
            rejected.append("carl,2026-03-02T00:00:00Z,").append(95 + i % 3).append(",-3.7\n");
        }
        Path rejectedCsv = Files.writeString(dir.resolve("rejected.csv"), rejected);
        // Then dora, newest first, with a jump: her flagged fix's id comes after the rejected file's.
        Fixes dora = SyntheticTrack.startingAt(Instant.parse("2026-04-03T08:00:00Z"), 52.52, 13.40, 14)
                .sampleEvery(Duration.ofSeconds(10)).stay(Duration.ofMinutes(30), 5).fixAt(52.80, 13.40)
                .stay(Duration.ofMinutes(30), 5).move(180, 2000, 30).stay(Duration.ofMinutes(15), 5).fixes();
        Path doraCsv = Files.writeString(dir.resolve("dora.csv"), csvRows("dora", dora, 0, dora.size(), true));
        Path gpx = writeGpx(dir.resolve("fred.gpx"), eve);
        String inputs = String.join(",", tree.toString(), both.toString(), rejectedCsv.toString(),
                doraCsv.toString(), gpx.toString());

        Path inMemory = dir.resolve("in-memory");
        // Three threads, each its shard of the users, against one.
        assertThat(analyze("analyze", "--input", inputs, "--out", inMemory.toString(), "--threads", "3"))
                .as(err.toString()).isZero();
        String memoryReport = out.toString();
        out.getBuffer().setLength(0);
        Path stored = dir.resolve("stored");
        TestDatabase.emptyDatabase("analyze_stored");
        assertThat(analyze("analyze", "--input", inputs, "--out", stored.toString(), "--jdbc-url",
                TestDatabase.jdbcUrl("analyze_stored"), "--db-user", "postgres")).as(err.toString()).isZero();
        String storedReport = out.toString();
        out.getBuffer().setLength(0);
        // And stored in the embedded PostgreSQL.
        Path storedInEmbedded = dir.resolve("stored-in-embedded");
        assertThat(analyze("analyze", "--input", inputs, "--out", storedInEmbedded.toString(), "--store-fixes"))
                .as(err.toString()).isZero();
        assertThat(importLines(out.toString())).isEqualTo(importLines(storedReport));

        assertThat(importLines(memoryReport)).isEqualTo(importLines(storedReport))
                .anyMatch(line -> line.startsWith("skipped: 1 of 6 files rejected") && line.contains("rejected.csv"))
                .contains("skipped " + rejectedCsv + " with its own users: 0")
                .contains("imported " + both + " with its own users: " + eve.size());
        List<String> files;
        try (Stream<Path> written = Files.list(inMemory)) {
            files = written.map(path -> path.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> written = Files.list(stored)) {
            assertThat(written.map(path -> path.getFileName().toString()).sorted()).containsExactlyElementsOf(files);
        }
        for (String file : files) {
            assertThat(Files.readString(inMemory.resolve(file))).as(file)
                    .isEqualTo(Files.readString(stored.resolve(file)))
                    .isEqualTo(Files.readString(storedInEmbedded.resolve(file)));
        }
        // What the files hold: the two jumps flagged (ids as stored), stays of every user but the rejected one.
        List<String> flags = Files.readAllLines(inMemory.resolve("point_flags.csv"));
        assertThat(flags.stream().skip(1).map(line -> line.split(",")[0]).distinct()).containsExactly("ada", "dora");
        assertThat(Files.readAllLines(inMemory.resolve("stays.csv")).stream().skip(1)
                .map(line -> line.split(",")[0]).distinct()).containsExactlyInAnyOrder("ada", "eve", "dora", "fred");
    }

    /** The lines of analyze's output about the import: per file, the totals, a rejection. */
    private static List<String> importLines(String output) {
        return output.lines().filter(line -> line.startsWith("imported ") || line.startsWith("skipped")).toList();
    }

    /** A GeoLife PLT file of fixes[from, to), with the fix at {@code jump} (if >= 0) 30 km north. */
    private static void writePlt(Path file, Fixes fixes, int from, int to, int jump) throws IOException {
        StringBuilder plt = new StringBuilder("Geolife trajectory\nWGS 84\nAltitude is in Feet\nReserved 3\n"
                + "0,2,255,My Track,0,0,2,8421376\n0\n");
        for (int i = from; i < to; i++) {
            String time = Instant.ofEpochMilli(fixes.time(i)).toString();
            plt.append(i == jump ? fixes.lat(i) + 0.27 : fixes.lat(i)).append(',').append(fixes.lon(i))
                    .append(",0,1200,0,").append(time, 0, 10).append(',').append(time, 11, 19).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, plt);
    }

    /** CSV rows of fixes[from, to), newest first if {@code reversed}, with a header. */
    private static String csvRows(String user, Fixes fixes, int from, int to, boolean reversed) {
        StringBuilder csv = new StringBuilder("user_id,time,lat,lon\n");
        for (int k = from; k < to; k++) {
            int i = reversed ? to - 1 - (k - from) : k;
            csv.append(user).append(',').append(Instant.ofEpochMilli(fixes.time(i))).append(',')
                    .append(fixes.lat(i)).append(',').append(fixes.lon(i)).append('\n');
        }
        return csv.toString();
    }

    /** --admin-areas loads a Natural Earth-shaped file into the run's own database, and geocoding runs on it. */
    @Test
    void geocodingRunsOnTheAdminAreasGivenToTheRun() throws IOException {
        Path csv = writeCsv(dir.resolve("export.csv"), "ada", commute().fixes());
        Path squares = Files.writeString(dir.resolve("admin1.json"), "{\"type\":\"FeatureCollection\",\"features\":["
                + square("CH-ZH", "Zürich", 8.0, 8.9) + "," + square("CH-SG", "St. Gallen", 8.9, 9.5) + "]}");
        Path results = dir.resolve("geocoded");

        assertThat(analyze("analyze", "--input", csv.toString(), "--out", results.toString(), "--skills",
                "geocoding", "--admin-areas", squares.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("reference admin load 1: 2 rows from admin1.json");
        List<String> runs = Files.readAllLines(results.resolve("admin_visits.csv"));
        assertThat(runs).hasSizeGreaterThan(1).allMatch(line -> line.startsWith("user_id,")
                || line.startsWith("ada,1,CH-ZH,CH,Zürich,"));
        assertThat(analyze("analyze", "--input", csv.toString(), "--out", results.toString(), "--skills",
                "geocoding", "--admin-areas", dir.resolve("missing.json").toString()))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--admin-areas: cannot read");
    }

    /** --osm loads an extract into the run's own database before the skills; a broken one stops the run. */
    @Test
    void anOsmExtractGivenToTheRunIsLoadedFirst() throws IOException {
        Path csv = writeCsv(dir.resolve("export.csv"), "ada", commute().fixes());
        Path extract = SyntheticOsmNetwork.extract().write(dir.resolve("synthetic.osm.pbf"));
        Path results = dir.resolve("with-osm");

        assertThat(analyze("analyze", "--input", csv.toString(), "--out", results.toString(), "--skills",
                "outlier_detection", "--osm", extract.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("reference osm load 1: " + (SyntheticOsmNetwork.ROAD_WAYS.length
                + SyntheticOsmNetwork.RAIL_WAYS.length + SyntheticOsmNetwork.STATIONS.length)
                + " rows from synthetic.osm.pbf");
        Path broken = Files.write(dir.resolve("broken.osm.pbf"), new byte[] {0, 0, 0});
        assertThat(analyze("analyze", "--input", csv.toString(), "--out", dir.resolve("broken").toString(),
                "--skills", "outlier_detection", "--osm", broken.toString()))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--osm " + broken + ": block 0 (byte 0): the file ends inside the block"
                + " (it needs 3 more bytes): truncated (nothing was loaded)");
    }

    private static String square(String code, String name, double west, double east) {
        return "{\"type\":\"Feature\",\"properties\":{\"iso_3166_2\":\"" + code + "\",\"name\":\"" + name
                + "\",\"iso_a2\":\"CH\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",47],["
                + east + ",47],[" + east + ",48],[" + west + ",48],[" + west + ",47]]]}}";
    }

    @Test
    void anImplausibleTimeIsRejectedInMemoryAsWhenStored() throws IOException {
        Fixes ada = commute().fixes();
        Path file = Files.writeString(dir.resolve("clock.csv"), csvRows("ada", ada, 0, 100, false)
                + "ada,0001-01-01T00:00:00Z,47.37,8.54\n");

        assertThat(analyze("analyze", "--input", file.toString(), "--out", dir.resolve("out").toString(),
                "--skills", "outlier_detection")).as(err.toString()).isZero();

        assertThat(importLines(out.toString())).contains("imported " + file + " with its own users: 100");
    }

    @Test
    void aBadParameterNamesSkillAndField() {
        assertThat(analyze("analyze", "--input", dir.toString(), "--out", dir.resolve("x").toString(),
                "--param", "stay_detection.distThresholdMeters=-3")).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("params.distThresholdMeters");
        assertThat(analyze("analyze", "--input", dir.toString(), "--out", dir.toString(),
                "--skills", "stay_detection", "--param", "grid_system.h3Resolution=8"))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("grid_system does not run");
    }
}
