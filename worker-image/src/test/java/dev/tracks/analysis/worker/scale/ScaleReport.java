package dev.tracks.analysis.worker.scale;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The benchmark's figures as Markdown tables: time and ratio per scale, microseconds per fix per phase for each side,
 * what each side found, and the flatness of the cost per fix from the smallest to the largest scale.
 */
final class ScaleReport {

    private static final String UNACCOUNTED = "start-up, exit";
    private static final List<String> COUNTS = List.of("fixes", "stays", "triplegs", "trips", "locations",
            "activities");
    private static final double RATIO_TARGET = 0.25;
    private static final double FLATNESS_TARGET = 1.2;

    private final List<String> setting;
    private final List<ScaleResult> results;

    /** @param setting lines that say when, where and how the figures were measured */
    ScaleReport(List<String> setting, List<ScaleResult> results) {
        this.setting = List.copyOf(setting);
        this.results = List.copyOf(results);
    }

    void print(PrintStream out) {
        setting.forEach(out::println);
        out.println();
        summary().print(out);
        out.println();
        out.println("analyze, microseconds per fix:");
        phases(ScaleResult::analyze).print(out);
        if (results.stream().anyMatch(result -> result.trackintel().isPresent())) {
            out.println();
            out.println("trackintel, microseconds per fix:");
            phases(result -> result.trackintel().orElse(null)).print(out);
            out.println();
            out.println("found (analyze / trackintel):");
            counts().print(out);
        }
        flatness(out);
        for (ScaleResult result : results) {
            notCompleted(out, result.scale() + "x analyze", result.analyze());
            result.trackintel().ifPresent(run -> notCompleted(out, result.scale() + "x trackintel", run));
        }
    }

    private MarkdownTable summary() {
        MarkdownTable table = new MarkdownTable(List.of("scale", "users", "fixes", "analyze s", "trackintel s",
                String.format("analyze / trackintel (target ≤ %.2fx)", RATIO_TARGET), "analyze µs/fix",
                "trackintel µs/fix"));
        for (ScaleResult result : results) {
            ChainRun analyze = result.analyze();
            Optional<ChainRun> trackintel = result.trackintel();
            table.add(List.of(result.scale() + "x", String.format("%,d", result.input().users()),
                    String.format("%,d", result.input().fixes()), seconds(analyze),
                    trackintel.map(ScaleReport::seconds).orElse("-"), trackintel.map(other -> ratio(analyze, other))
                            .orElse("-"), perFix(result, analyze), trackintel.map(run -> perFix(result, run))
                            .orElse("-")));
        }
        return table;
    }

    /** One column per phase (in the order they ran), the time no phase accounts for, and the whole run. */
    private MarkdownTable phases(Function<ScaleResult, ChainRun> side) {
        Set<String> names = new LinkedHashSet<>();
        results.stream().map(side).filter(run -> run != null).forEach(run -> names.addAll(run.phases().keySet()));
        List<String> header = new ArrayList<>(List.of("scale"));
        header.addAll(names);
        header.addAll(List.of(UNACCOUNTED, "total"));
        MarkdownTable table = new MarkdownTable(header);
        for (ScaleResult result : results) {
            ChainRun run = side.apply(result);
            if (run == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(result.scale() + "x"));
            names.forEach(name -> row.add(run.phases().containsKey(name)
                    ? String.format("%.2f", result.perFix(run.phases().get(name))) : "-"));
            row.add(run.completed() ? String.format("%.2f", result.perFix(run.unaccountedSeconds())) : "-");
            row.add(perFix(result, run));
            table.add(row);
        }
        return table;
    }

    private MarkdownTable counts() {
        List<String> header = new ArrayList<>(List.of("scale"));
        header.addAll(COUNTS);
        MarkdownTable table = new MarkdownTable(header);
        for (ScaleResult result : results) {
            List<String> row = new ArrayList<>(List.of(result.scale() + "x"));
            Map<String, Long> trackintel = result.trackintel().map(ChainRun::counts).orElse(Map.of());
            COUNTS.forEach(what -> row.add(count(result.analyze().counts(), what) + " / "
                    + count(trackintel, what)));
            table.add(row);
        }
        return table;
    }

    /** Cost per fix at the largest scale over that at the smallest, per phase and for the whole run. */
    private void flatness(PrintStream out) {
        if (results.size() < 2) {
            return;
        }
        ScaleResult smallest = results.stream().min(Comparator.comparingInt(ScaleResult::scale)).orElseThrow();
        ScaleResult largest = results.stream().max(Comparator.comparingInt(ScaleResult::scale)).orElseThrow();
        flatness(out, "analyze", smallest, largest, smallest.analyze(), largest.analyze());
        if (smallest.trackintel().isPresent() && largest.trackintel().isPresent()) {
            flatness(out, "trackintel", smallest, largest, smallest.trackintel().get(), largest.trackintel().get());
        }
    }

    private static void flatness(PrintStream out, String side, ScaleResult smallest, ScaleResult largest,
            ChainRun small, ChainRun large) {
        out.println();
        out.printf("%s, cost per fix %dx / %dx%s:%n", side, largest.scale(), smallest.scale(),
                side.equals("analyze") ? String.format(" (target for the total: ≤ %.1fx)", FLATNESS_TARGET) : "");
        MarkdownTable table = new MarkdownTable(List.of("phase", smallest.scale() + "x µs/fix",
                largest.scale() + "x µs/fix", "ratio"));
        for (Map.Entry<String, Double> phase : small.phases().entrySet()) {
            Double at = large.phases().get(phase.getKey());
            if (at != null) {
                table.add(flatnessRow(phase.getKey(), smallest.perFix(phase.getValue()), largest.perFix(at)));
            }
        }
        if (large.completed()) {
            table.add(flatnessRow(UNACCOUNTED, smallest.perFix(small.unaccountedSeconds()),
                    largest.perFix(large.unaccountedSeconds())));
            table.add(flatnessRow("total", smallest.perFix(small.seconds()), largest.perFix(large.seconds())));
            table.add(flatnessRow("total without start-up (process, database, python imports)",
                    smallest.perFix(work(small)), largest.perFix(work(large))));
        }
        table.print(out);
    }

    /** The time that grows with the input: the whole run without starting the process, its database, its libraries. */
    private static double work(ChainRun run) {
        return run.seconds() - run.unaccountedSeconds() - run.phases().getOrDefault("database", 0.0)
                - run.phases().getOrDefault("python_imports", 0.0);
    }

    private static List<String> flatnessRow(String phase, double small, double large) {
        return List.of(phase, String.format("%.2f", small), String.format("%.2f", large),
                String.format("%.2fx", large / small));
    }

    private static void notCompleted(PrintStream out, String what, ChainRun run) {
        if (!run.completed()) {
            out.printf("%n%s did not complete: %s%n", what, run.failure());
        }
    }

    /** A killed run's time is a lower bound; a failed run has none. */
    private static String seconds(ChainRun run) {
        return run.killed() ? String.format("≥ %.1f (killed)", run.seconds())
                : run.completed() ? String.format("%.1f", run.seconds()) : "failed";
    }

    private static String perFix(ScaleResult result, ChainRun run) {
        return run.killed() ? String.format("≥ %.2f", result.perFix(run.seconds()))
                : run.completed() ? String.format("%.2f", result.perFix(run.seconds())) : "failed";
    }

    /** analyze's time over trackintel's; a bound when one of them was stopped at the limit. */
    private static String ratio(ChainRun analyze, ChainRun trackintel) {
        boolean bothTimed = (analyze.completed() || analyze.killed()) && (trackintel.completed()
                || trackintel.killed());
        if (!bothTimed || analyze.killed() && trackintel.killed()) {
            return "-";
        }
        String bound = analyze.killed() ? "≥ " : trackintel.killed() ? "≤ " : "";
        return bound + String.format("%.2fx", analyze.seconds() / trackintel.seconds());
    }

    private static String count(Map<String, Long> counts, String what) {
        Long count = counts.get(what);
        return count == null ? "-" : String.format("%,d", count);
    }
}
