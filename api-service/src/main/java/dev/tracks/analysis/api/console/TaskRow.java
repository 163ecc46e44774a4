package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.task.TaskPhase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A task as a row of the console: the admin API's view with its numbers put in words (percent, ETA, times in UTC).
 *
 * @param phase the status in lower case, the badge's CSS class
 * @param percent the progress in percent for a {@code <progress>} bar, null when the worker reported none
 * @param cancellable whether the task has not finished (the cancel button is offered)
 */
public record TaskRow(long id, String name, String skillName, String taskType, String status, String phase,
                      String attempts, Double percent, String percentText, String eta, String reason,
                      String created, String chainId, boolean cancellable) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    static TaskRow of(TaskView task) {
        Double percent = task.progress().percent();
        return new TaskRow(task.id(), task.name(), task.skillName(), task.taskType(), task.status(),
                task.status().toLowerCase(Locale.ROOT), task.attempts() == null ? "0" : task.attempts().toString(),
                percent, percent == null ? "" : String.format(Locale.ROOT, "%.0f %%", percent),
                eta(task.progress().etaSeconds()), task.errorMessage() == null ? "" : task.errorMessage(),
                time(task.createdAt()), task.chainId(), !TaskPhase.of(task.status()).isFinished());
    }

    /** "1 h 05 min", "3 min 20 s", "40 s"; empty when unknown. */
    static String eta(Long seconds) {
        if (seconds == null || seconds < 0) {
            return "";
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return seconds + " s";
    }

    static String time(OffsetDateTime time) {
        return time == null ? "" : UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
