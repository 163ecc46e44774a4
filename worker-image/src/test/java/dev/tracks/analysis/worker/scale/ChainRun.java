package dev.tracks.analysis.worker.scale;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One side's run of the chain on one input: its wall time, the time of each phase it reported, what it found.
 *
 * @param seconds wall time of the whole process (start-up included)
 * @param phases seconds per phase, in the order they ran (lines {@code phase <name>: <seconds> s})
 * @param counts fixes, stays, triplegs, trips, locations, activities, as far as known
 * @param killed whether it was stopped at the time limit (its time is then a lower bound)
 * @param failure why the run did not complete (where it was when killed, an exit code); null when it did
 */
record ChainRun(double seconds, Map<String, Double> phases, Map<String, Long> counts, boolean killed,
        String failure) {

    private static final Pattern PHASE = Pattern.compile("(?m)^phase (\\S+): ([0-9.]+) s$");
    private static final Pattern COUNT = Pattern.compile("(?m)^count (\\S+): (\\d+)$");

    /**
     * The phases and counts a program printed, and why it did not complete if it did not.
     *
     * @param whereStopped from the output of a run killed at the limit, where it was (e.g. "after import")
     */
    static ChainRun of(TimedProcess process, Function<String, String> whereStopped) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher count = COUNT.matcher(process.output());
        while (count.find()) {
            counts.put(count.group(1), Long.parseLong(count.group(2)));
        }
        String failure = process.exitCode() == null
                ? String.format("killed at %.0f s, %s", process.seconds(), whereStopped.apply(process.output()))
                : process.completed() ? null : "exit " + process.exitCode() + ": " + process.tail(5);
        return new ChainRun(process.seconds(), phases(process.output()), counts, process.exitCode() == null,
                failure);
    }

    /** Where a program that reports only phase lines was: after the last phase it finished. */
    static String afterLastPhase(String output) {
        return "after " + phases(output).keySet().stream().reduce((first, second) -> second).orElse("start-up");
    }

    /** The phases a program reported, in order. */
    static Map<String, Double> phases(String output) {
        Map<String, Double> phases = new LinkedHashMap<>();
        Matcher phase = PHASE.matcher(output);
        while (phase.find()) {
            phases.put(phase.group(1), Double.parseDouble(phase.group(2)));
        }
        return phases;
    }

    /** This run with more counts (those a program writes to files rather than prints). */
    ChainRun withCounts(Map<String, Long> more) {
        Map<String, Long> all = new LinkedHashMap<>(counts);
        all.putAll(more);
        return new ChainRun(seconds, phases, all, killed, failure);
    }

    /** The run of median wall time (of an even number, the slower middle one); a failed run counts as slowest. */
    static ChainRun median(List<ChainRun> runs) {
        List<ChainRun> ordered = runs.stream().sorted(Comparator.comparing((ChainRun run) -> !run.completed()
                && !run.killed()).thenComparingDouble(ChainRun::seconds)).toList();
        return ordered.get(ordered.size() / 2);
    }

    boolean completed() {
        return failure == null;
    }

    /** The wall time no phase accounts for: process and runtime start-up, shutdown. */
    double unaccountedSeconds() {
        return seconds - phases.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
