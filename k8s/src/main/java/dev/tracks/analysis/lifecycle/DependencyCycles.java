package dev.tracks.analysis.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds dependency cycles among tasks, which the CRD cannot see (it checks one task at a time). */
public final class DependencyCycles {

    private DependencyCycles() {
    }

    /**
     * The cycle through {@code task}, if its dependencies lead back to it: the names along the cycle, starting and
     * ending with {@code task}.
     *
     * @param dependsOn each known task's dependencies (tasks that do not exist yet are simply absent)
     */
    public static Optional<List<String>> through(String task, Map<String, List<String>> dependsOn) {
        List<String> path = new ArrayList<>();
        path.add(task);
        return search(task, task, dependsOn, path, new HashSet<>());
    }

    private static Optional<List<String>> search(String target, String current, Map<String, List<String>> dependsOn,
            List<String> path, Set<String> visited) {
        for (String next : dependsOn.getOrDefault(current, List.of())) {
            if (next.equals(target)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(target);
                return Optional.of(cycle);
            }
            if (visited.add(next)) {
                path.add(next);
                Optional<List<String>> found = search(target, next, dependsOn, path, visited);
                if (found.isPresent()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return Optional.empty();
    }
}
