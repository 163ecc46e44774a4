package dev.tracks.analysis.worker.admin;

import static dev.tracks.analysis.worker.admin.AdminRunsFixture.area;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.geocoding.AdminVisit;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable.StoredVisit;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * admin_view's sums on hand-made runs whose answer is known: a user moving east through A into B, a recording gap in
 * B, a fix of border jitter in A, then standing in B; the local midnight (UTC, the user's zone) falls between the
 * two areas. The fixes read in portions of any size give the same sums.
 */
class AdminSummariesTest {

    /** The first fix, 100 s before midnight UTC. */
    private static final long T0 = Instant.parse("2026-03-01T23:58:20Z").toEpochMilli();
    private static final double STEP_LON = 0.0007;

    private static Fixes fixes() {
        Fixes fixes = new Fixes();
        for (int i = 0; i <= 40; i++) {
            long second = i < 20 ? 10L * i : i < 30 ? 4000 + 10L * (i - 20) : 4100 + 10L * (i - 30);
            fixes.add(i, T0 + second * 1000, 47.5, 8.5 + STEP_LON * Math.min(i, 19), Double.NaN, Double.NaN);
        }
        return fixes;
    }

    private static List<LevelRuns> runs() {
        List<StoredVisit> stored = new ArrayList<>(new AdminRunsFixture(0).run("X", 20, 0, 190, 190)
                .run("X", 21, 4000, 4200, 4200).stored());
        stored.addAll(new AdminRunsFixture(1).run("A", 10, 0, 90, 100).run("B", 10, 100, 190, 190)
                .run("B", 10, 4000, 4090, 4100).run("A", 1, 4100, 4100, 4110).run("B", 10, 4110, 4200, 4200)
                .stored());
        return LevelRuns.of(shifted(stored));
    }

    /** The fixture's runs start at second 0: moved to T0. */
    private static List<StoredVisit> shifted(List<StoredVisit> stored) {
        return stored.stream().map(run -> {
            AdminVisit visit = run.visit();
            return new StoredVisit(new AdminVisit(visit.level(), visit.area(),
                    visit.firstFixId(), visit.lastFixId(), visit.fixCount(), visit.startMillis() + T0,
                    visit.lastFixMillis() + T0, visit.endMillis() + T0), run.referenceLoadId());
        }).toList();
    }

    private static List<AdminSummary> summarise(int portion) throws SQLException {
        AdminSummaries summaries = new AdminSummaries(runs(), 60_000, 1,
                new UserTimeZones.Resolver(ZoneOffset.UTC, ZoneOffset.UTC));
        AdminViewSkill.addAll(summaries, AdminRunsFixture.userFixes(fixes()), portion);
        return summaries.summaries();
    }

    @Test
    void dwellMovingDistanceDaysAndEntriesPerLevelAndArea() throws SQLException {
        double step = Geodesy.distanceMeters(47.5, 8.5, 47.5, 8.5 + STEP_LON);
        List<AdminSummary> summaries = summarise(1000);
        assertThat(summaries).extracting(AdminSummary::level, AdminSummary::area).containsExactly(
                tuple(0, area(0, "X")),
                tuple(1, area(1, "A")),
                tuple(1, area(1, "B")));

        AdminSummary country = summaries.get(0);
        assertThat(country.dwellSeconds()).isEqualTo(390);
        assertThat(country.movingSeconds()).isEqualTo(190);
        assertThat(country.distanceMeters()).isCloseTo(19 * step, within(1e-6));
        assertThat(country.localDays()).isEqualTo(2);
        assertThat(country.entries()).as("one visit across the gap").isEqualTo(1);
        assertThat(country.runs()).isEqualTo(2);
        assertThat(country.fixCount()).isEqualTo(41);

        // A: the first 100 s moving, then the jitter fix's 10 s standing still (its step to B counts to A).
        AdminSummary a = summaries.get(1);
        assertThat(a.dwellSeconds()).isEqualTo(110);
        assertThat(a.movingSeconds()).isEqualTo(100);
        assertThat(a.distanceMeters()).isCloseTo(10 * step, within(1e-6));
        assertThat(a.localDays()).as("before and after midnight").isEqualTo(2);
        assertThat(a.entries()).as("the jitter fix is no entry").isEqualTo(1);
        assertThat(a.runs()).isEqualTo(2);
        assertThat(a.fixCount()).isEqualTo(11);
        assertThat(a.firstFixMillis()).isEqualTo(T0);
        assertThat(a.lastFixMillis()).isEqualTo(T0 + 4_100_000);

        // B: 90 s moving before the gap (not counted), then standing: 280 s in all.
        AdminSummary b = summaries.get(2);
        assertThat(b.dwellSeconds()).isEqualTo(280);
        assertThat(b.movingSeconds()).isEqualTo(90);
        assertThat(b.distanceMeters()).isCloseTo(9 * step, within(1e-6));
        assertThat(b.localDays()).isEqualTo(1);
        assertThat(b.entries()).as("one visit: across the gap and around the jitter").isEqualTo(1);
        assertThat(b.runs()).isEqualTo(3);
        assertThat(b.loadId()).isEqualTo(AdminRunsFixture.LOAD);
    }

    @Test
    void fixesReadInPortionsOfAnySizeGiveTheSameSums() throws SQLException {
        List<AdminSummary> whole = summarise(1000);
        for (int portion : new int[] {1, 2, 3, 7, 40, 41}) {
            assertThat(summarise(portion)).as("portions of %d", portion).isEqualTo(whole);
        }
    }

    @Test
    void oneFixIsOneEntryOfNoDurationOnOneDay() throws SQLException {
        AdminSummaries summaries = new AdminSummaries(LevelRuns.of(shifted(new AdminRunsFixture(1)
                .run(null, 1, 0, 0, 0).stored())), 60_000, 1, new UserTimeZones.Resolver(ZoneOffset.UTC,
                ZoneOffset.UTC));
        Fixes one = new Fixes().add(0, T0, 47.5, 10, Double.NaN, Double.NaN);
        AdminViewSkill.addAll(summaries, AdminRunsFixture.userFixes(one), 1000);
        assertThat(summaries.summaries()).containsExactly(new AdminSummary(1, null, 0, 0, 0, 1, 1, 1, 1, T0, T0,
                AdminRunsFixture.LOAD));
        assertThat(AdminCrossings.changes(LevelRuns.of(List.of()), 60_000)).isEmpty();
    }
}
