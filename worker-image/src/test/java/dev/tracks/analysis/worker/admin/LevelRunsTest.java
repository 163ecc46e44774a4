package dev.tracks.analysis.worker.admin;

import static dev.tracks.analysis.worker.admin.AdminRunsFixture.area;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracks.analysis.worker.admin.AdminCrossings.Change;
import dev.tracks.analysis.worker.admin.LevelRuns.Visit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The visits and changes the jitter and gap rules make of hand-made runs (minDwell 60 s). */
class LevelRunsTest {

    private static final long MIN_DWELL = 60_000;

    private static List<Change> changes(AdminRunsFixture runs) {
        return AdminCrossings.changes(List.of(runs.levelRuns()), MIN_DWELL);
    }

    @Test
    void aShortVisitBetweenTwoRunsOfTheSameAreaIsNoCrossing() {
        AdminRunsFixture runs = new AdminRunsFixture(1).run("A", 10, 0, 90, 100).run("B", 1, 100, 100, 110)
                .run("A", 10, 110, 200, 200);
        assertThat(runs.levelRuns().visits(MIN_DWELL)).containsExactly(new Visit(area(1, "A"), 0, 2));
        assertThat(changes(runs)).isEmpty();
    }

    @Test
    void aShortVisitBetweenTwoOtherAreasIsOneCrossingWhereTheFirstWasLeft() {
        AdminRunsFixture runs = new AdminRunsFixture(1).run("A", 10, 0, 90, 100).run("B", 2, 100, 110, 120)
                .run("C", 10, 120, 210, 210);
        List<Change> changes = changes(runs);
        assertThat(changes).hasSize(1);
        Change change = changes.get(0);
        assertThat(change.from()).isEqualTo(area(1, "A"));
        assertThat(change.to()).isEqualTo(area(1, "C"));
        assertThat(change.before().lastFixId()).isEqualTo(9);
        assertThat(change.after().firstFixId()).as("the first fix of the jitter run").isEqualTo(10);
        assertThat(change.inGap()).isFalse();
    }

    @Test
    void aVisitOfMinDwellOrLongerIsACrossingEachWay() {
        AdminRunsFixture runs = new AdminRunsFixture(1).run("A", 10, 0, 90, 100).run("B", 6, 100, 150, 160)
                .run("A", 10, 160, 250, 250);
        assertThat(changes(runs)).extracting(Change::from, Change::to).containsExactly(
                tuple(area(1, "A"), area(1, "B")),
                tuple(area(1, "B"), area(1, "A")));
    }

    @Test
    void runsBesideAGapOrAtTheEndsAreNeverJitterAndAGapInOneAreaIsNoCrossing() {
        // A, gap, B (10 s), A (10 s, the last run), then nothing: both crossings count; the first in the gap.
        AdminRunsFixture runs = new AdminRunsFixture(1).run("A", 10, 0, 90, 90).run("B", 1, 5000, 5000, 5010)
                .run("A", 1, 5010, 5010, 5010);
        List<Change> changes = changes(runs);
        assertThat(changes).extracting(Change::inGap).containsExactly(true, false);
        assertThat(changes.get(0).before().lastFixMillis()).isEqualTo(90_000);
        assertThat(changes.get(0).after().startMillis()).isEqualTo(5_000_000);

        AdminRunsFixture sameArea = new AdminRunsFixture(0).run("A", 10, 0, 90, 90).run("A", 10, 5000, 5090, 5090);
        assertThat(sameArea.levelRuns().visits(MIN_DWELL)).containsExactly(new Visit(area(0, "A"), 0, 1));
        assertThat(changes(sameArea)).isEmpty();
    }

    @Test
    void noAreaIsAnAreaLikeAnyOther() {
        // Along a coast: a fix at sea between two on land is jitter; a ferry's hour at sea is two crossings.
        AdminRunsFixture coast = new AdminRunsFixture(0).run("A", 10, 0, 90, 100).run(null, 1, 100, 100, 110)
                .run("A", 10, 110, 200, 200);
        assertThat(changes(coast)).isEmpty();
        AdminRunsFixture ferry = new AdminRunsFixture(0).run("A", 10, 0, 90, 100).run(null, 360, 100, 3690, 3700)
                .run("B", 10, 3700, 3790, 3790);
        assertThat(changes(ferry)).extracting(Change::from, Change::to).containsExactly(
                tuple(area(0, "A"), null),
                tuple(null, area(0, "B")));
    }

    @Test
    void minDwellZeroMakesEveryChangeACrossing() {
        AdminRunsFixture runs = new AdminRunsFixture(1).run("A", 10, 0, 90, 100).run("B", 1, 100, 100, 110)
                .run("A", 10, 110, 200, 200);
        assertThat(AdminCrossings.changes(List.of(runs.levelRuns()), 0)).hasSize(2);
    }
}
