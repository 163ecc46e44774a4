package dev.tracks.analysis.worker.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code tracks-worker analyze} as a user runs it: its own JVM, a fresh embedded PostgreSQL, the packaged jar. It
 * runs trackintel's chain with trackintel's parameters; the dependencies (outlier_detection, transport_mode) run
 * too, as they always do. Counts come from the CSV files it writes.
 */
final class AnalyzeSide {

    static final String SKILLS = "stay_detection,trip_construction,stay_stats";
    /** trackintel's parameters (those of {@code trackintel_chain.py}) under the catalog's names. */
    static final List<String> PARAMS = List.of(
            "stay_detection.distThresholdMeters=100",
            "stay_detection.timeThresholdMinutes=5",
            "stay_detection.gapThresholdMinutes=15",
            "stay_detection.includeLast=false",
            "trip_construction.activityThresholdMinutes=15",
            "trip_construction.gapThresholdMinutes=15",
            "stay_stats.epsilonMeters=100",
            "stay_stats.minSamples=1");
    private static final Map<String, String> RESULT_FILES = Map.of("stays", "stays.csv", "triplegs",
            "triplegs.csv", "trips", "trips.csv", "locations", "locations.csv");
    private static final Pattern IMPORTED = Pattern.compile("(?m)^imported .*: (\\d+)$");
    /** ConsoleProgress's bar: {@code \r<skill> [###   ]  41.0% ...}. */
    private static final Pattern PROGRESS = Pattern.compile("\r(\\S+) +\\[[# ]*\\] +([0-9.]+)%");

    private final Path jar;
    private final Duration limit;

    AnalyzeSide(Path jar, Duration limit) {
        this.jar = jar;
        this.limit = limit;
    }

    ChainRun run(ScaledGeoLife input, WorkDirectory work, String label) throws IOException, InterruptedException {
        Path results = work.fresh("analyze-" + label);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "analyze", "--input", input.root().toString(), "--out",
                results.toString(), "--skills", SKILLS));
        PARAMS.forEach(param -> command.addAll(List.of("--param", param)));
        TimedProcess process = TimedProcess.run(command, work.file("analyze-" + label + ".log"), limit);
        ChainRun run = ChainRun.of(process, AnalyzeSide::whereStopped);
        if (!run.completed()) {
            return run;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("fixes", importedFixes(process.output()));
        RESULT_FILES.forEach((what, file) -> counts.put(what, dataRows(results.resolve(file))));
        try (Stream<String> stays = Files.lines(results.resolve("stays.csv"))) {
            counts.put("activities", stays.filter(line -> line.endsWith(",true")).count());
        }
        return run.withCounts(counts);
    }

    /** The skill whose progress bar was drawn last and how far it got, else the last phase that finished. */
    private static String whereStopped(String output) {
        Matcher bar = PROGRESS.matcher(output);
        String skill = null;
        String percent = null;
        while (bar.find()) {
            skill = bar.group(1);
            percent = bar.group(2);
        }
        boolean barOfUnfinishedSkill = skill != null && !ChainRun.phases(output).containsKey(skill);
        return barOfUnfinishedSkill ? percent + " % into " + skill : ChainRun.afterLastPhase(output);
    }

    private static long importedFixes(String output) {
        Matcher imported = IMPORTED.matcher(output);
        long fixes = 0;
        while (imported.find()) {
            fixes += Long.parseLong(imported.group(1));
        }
        return fixes;
    }

    private static long dataRows(Path csv) {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
