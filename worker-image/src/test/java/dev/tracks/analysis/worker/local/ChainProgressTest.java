package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.task.TaskPhase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines from chain views in the admin API's JSON (snake_case, as ChainView and TaskView serialise). */
class ChainProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLinePerTaskWhenItsStatusOrWholePercentChanges() throws Exception {
        ChainProgress progress = new ChainProgress();

        assertThat(progress.update(chain(task(1, "outlier_detection", "Queued", null, null, null, null),
                task(2, "stay_detection", "Waiting", null, null, null, null)), Duration.ofSeconds(3)))
                .containsExactly(" 0:03  outlier_detection    Queued", " 0:03  stay_detection       Waiting");
        assertThat(progress.update(chain(task(1, "outlier_detection", "Running", 45.2, 4520L, 10_000L, 7L),
                task(2, "stay_detection", "Waiting", null, null, null, null)), Duration.ofSeconds(4)))
                .containsExactly(" 0:04  outlier_detection    Running     45%  4,520 / 10,000 points  ETA 0:07");
        assertThat(progress.update(chain(task(1, "outlier_detection", "Running", 45.9, 4590L, 10_000L, 6L),
                task(2, "stay_detection", "Waiting", null, null, null, null)), Duration.ofSeconds(5)))
                .as("the same whole percent").isEmpty();
        assertThat(progress.update(chain(task(1, "outlier_detection", "Succeeded", 100.0, 10_000L, 10_000L, 0L),
                task(2, "stay_detection", "Running", 0.0, 0L, 10_000L, null)), Duration.ofSeconds(75)))
                .containsExactly(" 1:15  outlier_detection    Succeeded  100%  10,000 / 10,000 points",
                        " 1:15  stay_detection       Running      0%  0 / 10,000 points");
    }

    @Test
    void aFailedTaskShowsItsError() throws Exception {
        String failed = "{\"id\": 3, \"skill_name\": \"trip_construction\", \"status\": \"Failed\","
                + " \"progress\": {\"percent\": null}, \"error_message\": \"BackoffLimitExceeded: exit 64\"}";
        List<TaskState> tasks = TaskState.ofChain(JSON.readTree("{\"chain_id\": \"ab12\", \"tasks\": [" + failed
                + "]}"));

        assertThat(tasks).singleElement().satisfies(task -> assertThat(task.isFinal()).isTrue());
        assertThat(ChainProgress.line(tasks.get(0), Duration.ofHours(1).plusSeconds(2)))
                .isEqualTo("1:00:02  trip_construction    Failed      BackoffLimitExceeded: exit 64");
    }

    @Test
    void readsEveryFieldOfTheTaskView() throws Exception {
        TaskState task = TaskState.of(JSON.readTree(task(7, "stay_detection", "Running", 12.5, 125L, 1000L, 9L)));
        assertThat(task).isEqualTo(new TaskState(7, "stay_detection", TaskPhase.RUNNING, 12.5, 125L, 1000L, 9L, null));
        assertThat(task.isFinal()).isFalse();
    }

    private static List<TaskState> chain(String... tasks) throws Exception {
        return TaskState.ofChain(JSON.readTree("{\"chain_id\": \"ab12\", \"status\": \"Running\", \"tasks\": ["
                + String.join(",", tasks) + "]}"));
    }

    private static String task(long id, String skill, String status, Double percent, Long processed, Long total,
                               Long eta) {
        return "{\"id\": " + id + ", \"skill_name\": \"" + skill + "\", \"status\": \"" + status + "\","
                + " \"params\": {\"skill_name\": \"not this one\"}, \"error_message\": null,"
                + " \"progress\": {\"percent\": " + percent + ", \"total_points\": " + total
                + ", \"processed_points\": " + processed + ", \"failed_points\": 0, \"points_per_second\": null,"
                + " \"eta_seconds\": " + eta + "}}";
    }
}
