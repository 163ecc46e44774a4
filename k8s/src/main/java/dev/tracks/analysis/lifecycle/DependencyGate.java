package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.TaskPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a task may start, given the phases of the tasks it depends on. Pure: the reconciler looks the
 * dependencies up and acts on the verdict.
 */
public final class DependencyGate {

    private DependencyGate() {
    }

    /** What the dependencies allow. */
    public sealed interface Verdict {
        /** Every dependency succeeded (or there are none). */
        record Ready() implements Verdict {
        }

        /** Some dependencies have not succeeded yet, or do not exist (yet). */
        record Waiting(List<String> missing, List<String> unfinished) implements Verdict {
            public String message() {
                List<String> parts = new ArrayList<>();
                if (!unfinished.isEmpty()) {
                    parts.add("waiting for " + String.join(", ", unfinished) + " to succeed");
                }
                if (!missing.isEmpty()) {
                    parts.add("no AnalysisTask named " + String.join(", ", missing) + " in this namespace");
                }
                return String.join("; ", parts);
            }
        }

        /** A dependency ended without success: this task can never run. */
        record DependencyFailed(String dependency, TaskPhase phase) implements Verdict {
            public String message() {
                return "dependency " + dependency + " ended " + phase.displayName();
            }
        }
    }

    /**
     * @param dependsOn the task's dependencies, in spec order
     * @param phases the phase of each dependency that exists (a dependency without status yet maps to null)
     */
    public static Verdict evaluate(List<String> dependsOn, Map<String, TaskPhase> phases) {
        List<String> missing = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (String dependency : dependsOn) {
            if (!phases.containsKey(dependency)) {
                missing.add(dependency);
                continue;
            }
            TaskPhase phase = phases.get(dependency);
            if (phase == TaskPhase.FAILED || phase == TaskPhase.CANCELLED) {
                return new Verdict.DependencyFailed(dependency, phase);
            }
            if (phase != TaskPhase.SUCCEEDED) {
                unfinished.add(dependency);
            }
        }
        if (missing.isEmpty() && unfinished.isEmpty()) {
            return new Verdict.Ready();
        }
        return new Verdict.Waiting(missing, unfinished);
    }
}
