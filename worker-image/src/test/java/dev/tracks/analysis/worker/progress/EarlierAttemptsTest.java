package dev.tracks.analysis.worker.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A retry's reports count the task's points, the earlier attempts' included; rate and ETA stay the attempt's. */
class EarlierAttemptsTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void theEarlierAttemptsCountsAreAddedToEveryReport() {
        List<ProgressSnapshot> seen = new ArrayList<>();
        ProgressListener listener = new EarlierAttempts(65_000, 10).onto((progress, last) -> seen.add(progress));

        listener.report(new ProgressSnapshot(78_000, 39_000, 0, 50.0, 1000.0, 39L, AT), false);
        listener.report(new ProgressSnapshot(78_000, 78_000, 0, 100.0, 1000.0, 0L, AT), true);

        assertThat(seen.get(0)).isEqualTo(new ProgressSnapshot(143_010, 104_000, 10, 100.0 * 104_000 / 143_010,
                1000.0, 39L, AT));
        assertThat(seen.get(1).processedPoints()).as("all points of the task").isEqualTo(143_000);
        assertThat(seen.get(1).totalPoints()).isEqualTo(143_010);
    }

    @Test
    void aFirstAttemptReportsAsItIs() {
        ProgressListener listener = (progress, last) -> { };
        assertThat(EarlierAttempts.NONE.onto(listener)).isSameAs(listener);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new EarlierAttempts(-1, 0)).hasMessageContaining("must be at least 0");
    }
}
