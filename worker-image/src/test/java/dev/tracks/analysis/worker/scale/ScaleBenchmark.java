package dev.tracks.analysis.worker.scale;

import dev.tracks.analysis.worker.benchmark.MachineLoad;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scale benchmark (an entry point, not a test): {@code tracks-worker analyze --skills
 * stay_detection,trip_construction,stay_stats} against trackintel's chain on the shared GeoLife users copied 1, 10,
 * 50 times under new user ids, both with trackintel's parameters, side by side on this machine. It prints the time
 * of each side and their ratio, the cost per fix of each phase and how flat it stays as the input grows, and what
 * each side found. Settings are system properties (run: docs/benchmarks.md):
 * <ul>
 *   <li>{@code benchmark.geolife}: the GeoLife tree to copy; absent: the benchmark says so and ends;</li>
 *   <li>{@code benchmark.scales} (1,10,50);</li>
 *   <li>{@code benchmark.jar} (worker-image/target/tracks-worker.jar, with its lib/ beside it);</li>
 *   <li>{@code benchmark.work} (worker-image/target/scale-benchmark): input trees, results, each run's log;</li>
 *   <li>{@code benchmark.venv} (~/.cache/tracks-bench/venv) and {@code benchmark.python} (python3): trackintel's
 *       environment, created on first use;</li>
 *   <li>{@code benchmark.limitSeconds} (1800): a run still going after this is stopped and reported as killed;</li>
 *   <li>{@code benchmark.rounds} (1): runs of each side per scale, interleaved; the median run is reported.</li>
 * </ul>
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String geolife = System.getProperty("benchmark.geolife", "");
        if (geolife.isBlank() || !Files.isDirectory(Path.of(geolife))) {
            System.out.println("scale benchmark skipped: no GeoLife tree at -Dbenchmark.geolife='" + geolife + "'");
            return;
        }
        int[] scales = Arrays.stream(System.getProperty("benchmark.scales", "1,10,50").split(","))
                .mapToInt(scale -> positive("benchmark.scales", scale)).toArray();
        Path jar = Path.of(System.getProperty("benchmark.jar", "worker-image/target/tracks-worker.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("benchmark.jar: no tracks-worker jar at " + jar.toAbsolutePath()
                    + " (build it with package)");
        }
        WorkDirectory work = new WorkDirectory(Path.of(System.getProperty("benchmark.work",
                "worker-image/target/scale-benchmark")).toAbsolutePath());
        Duration limit = Duration.ofSeconds(positive("benchmark.limitSeconds",
                System.getProperty("benchmark.limitSeconds", "1800")));
        int rounds = positive("benchmark.rounds", System.getProperty("benchmark.rounds", "1"));
        Path venv = Path.of(System.getProperty("benchmark.venv",
                System.getProperty("user.home") + "/.cache/tracks-bench/venv"));

        List<String> setting = new ArrayList<>();
        setting.add(String.format("scale benchmark %s: %s copied %s times; %d run(s) of each side per scale, the"
                + " median counts; %d cores; load at the start %s", Instant.now(), geolife, Arrays.toString(scales),
                rounds, Runtime.getRuntime().availableProcessors(), MachineLoad.loadAverage()));
        setting.add(String.format("analyze: java -jar %s analyze --skills %s --param %s", jar, AnalyzeSide.SKILLS,
                String.join(" --param ", AnalyzeSide.PARAMS)));
        setting.forEach(System.out::println);
        AnalyzeSide analyze = new AnalyzeSide(jar, limit);
        Optional<TrackintelSide> trackintel = TrackintelSide.prepare(venv,
                System.getProperty("benchmark.python", "python3"), work, limit);
        trackintel.ifPresent(side -> setting.add("trackintel: " + side.versions() + " in " + venv));
        trackintel.ifPresent(side -> System.out.println(setting.get(setting.size() - 1)));

        List<ScaleResult> results = new ArrayList<>();
        for (int scale : scales) {
            results.add(measure(Path.of(geolife), scale, rounds, work, analyze, trackintel));
        }
        setting.add("load at the end " + MachineLoad.loadAverage() + "; each run's log and results in " + work.root());
        Path report = work.file("report-" + Instant.now().toString().replace(':', '-') + ".md");
        System.out.println();
        new ScaleReport(setting, results).print(System.out);
        try (PrintStream file = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
            new ScaleReport(setting, results).print(file);
        }
        System.out.println("\nthis report is also in " + report);
    }

    /** Both sides on the tree copied {@code scale} times; rounds interleave them (the machine's load drifts). */
    private static ScaleResult measure(Path geolife, int scale, int rounds, WorkDirectory work, AnalyzeSide analyze,
            Optional<TrackintelSide> trackintel) throws IOException, InterruptedException {
        String label = scale + "x";
        ScaledGeoLife input = ScaledGeoLife.build(geolife, scale, work.fresh("geolife-" + label));
        input.warmUp();
        System.out.printf("%n%s: %,d users, %,d fixes in %s; load %s%n", label, input.users(), input.fixes(),
                input.root(), MachineLoad.loadAverage());
        List<ChainRun> analyzed = new ArrayList<>();
        List<ChainRun> compared = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String run = rounds == 1 ? label : label + "-" + round;
            analyzed.add(analyze.run(input, work, run));
            print(run, "analyze", analyzed.get(analyzed.size() - 1));
            if (trackintel.isPresent()) {
                compared.add(trackintel.get().run(input, work, run));
                print(run, "trackintel", compared.get(compared.size() - 1));
            }
        }
        return new ScaleResult(scale, input, ChainRun.median(analyzed), compared.isEmpty() ? Optional.empty()
                : Optional.of(ChainRun.median(compared)));
    }

    /** A positive integer property, or an error that names it. */
    private static int positive(String property, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with what is allowed
        }
        throw new IllegalArgumentException(property + ": expected a positive integer, got '" + text + "'");
    }

    private static void print(String label, String side, ChainRun run) {
        System.out.printf("%s %s: %.1f s%s, phases %s, counts %s%n", label, side, run.seconds(),
                run.completed() ? "" : " (" + run.failure() + ")", run.phases(), run.counts());
    }

}
