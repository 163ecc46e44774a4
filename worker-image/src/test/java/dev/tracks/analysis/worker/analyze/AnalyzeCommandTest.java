package dev.tracks.analysis.worker.analyze;

import static org.assertj.core.api.Assertions.assertThat;

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
        // One timing line per phase, in the order they ran (the scale benchmark reads them).
        List<String> phases = new ArrayList<>(List.of("database", "import"));
        SkillCatalog.inDependencyOrder(SkillCatalog.DEFAULT_CHAIN).forEach(skill -> phases.add(skill.id()));
        phases.add("export");
        assertThat(out.toString().lines().filter(line -> line.matches("phase \\S+: \\d+\\.\\d{3} s"))
                .map(line -> line.substring("phase ".length(), line.indexOf(':')))).containsExactlyElementsOf(phases);
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
