package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.skill.Skill;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which ready tasks may start now: limits of concurrently running tasks, globally and per skill; candidates in order
 * of priority (higher first), then age (older first), then how many tasks of their chain wait on them (more first:
 * the longest path of a chain starts first), then name. A candidate held back only by its skill's limit does not take
 * a global slot from the candidates behind it.
 */
public final class Admission {

    private static final Comparator<Candidate> ORDER = Comparator.comparingInt((Candidate c) -> c.priority()).reversed()
            .thenComparing(Candidate::createdAt)
            .thenComparing(Comparator.comparingInt(Candidate::chainDepth).reversed())
            .thenComparing(Candidate::name);

    private Admission() {
    }

    /** The concurrency limits; a skill without an entry is limited only by the global limit. */
    public record Limits(int maxRunning, Map<Skill, Integer> maxRunningPerSkill) {
        public Limits {
            if (maxRunning < 1) {
                throw new IllegalArgumentException("maxRunning must be at least 1, got " + maxRunning);
            }
            maxRunningPerSkill = Map.copyOf(maxRunningPerSkill);
        }

        int forSkill(Skill skill) {
            return maxRunningPerSkill.getOrDefault(skill, Integer.MAX_VALUE);
        }
    }

    /**
     * A task that is ready to run (its dependencies succeeded) and waits for a slot.
     *
     * @param chainDepth how many tasks of its chain wait on it one after another (TaskLabels.CHAIN_DEPTH), 0 if none
     */
    public record Candidate(String name, Skill skill, int priority, Instant createdAt, int chainDepth) {
    }

    /** The verdict for one candidate: start now, or wait at {@code position} (1 = next) of the queue. */
    public record Verdict(boolean admitted, int position) {
    }

    /**
     * @param candidates every task that waits for a slot (in any order)
     * @param running the skills of the tasks that run now, one entry per task
     */
    public static Map<String, Verdict> decide(List<Candidate> candidates, List<Skill> running, Limits limits) {
        int freeSlots = limits.maxRunning() - running.size();
        Map<Skill, Integer> runningPerSkill = new HashMap<>();
        running.forEach(skill -> runningPerSkill.merge(skill, 1, Integer::sum));
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        int position = 0;
        for (Candidate candidate : candidates.stream().sorted(ORDER).toList()) {
            int sameSkill = runningPerSkill.getOrDefault(candidate.skill(), 0);
            if (freeSlots > 0 && sameSkill < limits.forSkill(candidate.skill())) {
                verdicts.put(candidate.name(), new Verdict(true, 0));
                freeSlots--;
                runningPerSkill.put(candidate.skill(), sameSkill + 1);
            } else {
                verdicts.put(candidate.name(), new Verdict(false, ++position));
            }
        }
        return verdicts;
    }
}
