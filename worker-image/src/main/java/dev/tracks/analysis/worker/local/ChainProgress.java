package dev.tracks.analysis.worker.local;

import dev.tracks.analysis.task.TaskPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of a chain as lines, not a redrawn bar: several tasks run at once and the output must read the same in a
 * terminal, a pipe or a log. A task gets a line when its status or its whole percent changes.
 */
final class ChainProgress {

    private final Map<Long, String> shown = new HashMap<>();

    /** The lines for the tasks that changed since the last call. */
    List<String> update(List<TaskState> tasks, Duration elapsed) {
        List<String> lines = new ArrayList<>();
        for (TaskState task : tasks) {
            String seen = task.status().displayName() + "|" + (task.percent() == null ? "" : (long) Math.floor(task.percent()));
            if (!seen.equals(shown.put(task.id(), seen))) {
                lines.add(line(task, elapsed));
            }
        }
        return lines;
    }

    /** e.g. {@code 0:42  stay_detection       Running     45%   1,234 / 2,742 points  ETA 0:03}. */
    static String line(TaskState task, Duration elapsed) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5s  %-20s %-10s", clock(elapsed),
                task.skill(), task.status().displayName()));
        if (task.percent() != null) {
            line.append(String.format(Locale.ROOT, " %3d%%", (long) Math.floor(task.percent())));
        }
        if (task.processedPoints() != null) {
            line.append(String.format(Locale.ROOT, "  %,d", task.processedPoints()));
            if (task.totalPoints() != null) {
                line.append(String.format(Locale.ROOT, " / %,d", task.totalPoints()));
            }
            line.append(" points");
        }
        if (task.status() == TaskPhase.RUNNING && task.etaSeconds() != null) {
            line.append("  ETA ").append(clock(Duration.ofSeconds(task.etaSeconds())));
        }
        if (task.errorMessage() != null && task.status() != TaskPhase.SUCCEEDED) {
            line.append("  ").append(task.errorMessage());
        }
        return line.toString().stripTrailing();
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
