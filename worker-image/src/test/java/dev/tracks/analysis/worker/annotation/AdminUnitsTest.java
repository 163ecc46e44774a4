package dev.tracks.analysis.worker.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.worker.annotation.AdminUnits.Unit;
import dev.tracks.analysis.worker.geocoding.AdminVisit;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable.StoredVisit;
import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A location's admin units from geocoding's runs: the longest overlap with its stays per level. */
class AdminUnitsTest {

    private static final long MINUTE = 60_000;

    private static StoredVisit run(int level, String code, long fromMinute, long toMinute) {
        AdminArea area = code == null ? null : new AdminArea(level, code, "XC", code + " name");
        return new StoredVisit(new AdminVisit(level, area, 1, 2, 2, fromMinute * MINUTE, toMinute * MINUTE,
                toMinute * MINUTE), 1);
    }

    private static StoredStay stay(long fromMinute, long toMinute) {
        return new StoredStay(fromMinute, fromMinute * MINUTE, toMinute * MINUTE, 47, 8);
    }

    /**
     * Level 0: XC throughout. Level 1: west until minute 30, east until 75, at sea (no area) until 200, west again.
     * The stays: 0-60 (30 min west, 30 east) and 70-200 (5 min east, 125 at sea).
     */
    @Test
    void eachLevelTakesTheAreaWhoseRunsOverlapTheStaysLongestAndRunsInNoAreaCountForNothing() {
        AdminUnits units = new AdminUnits(List.of(run(0, "XC", 0, 300), run(1, "XC-W", 0, 30),
                run(1, "XC-E", 30, 75), run(1, null, 75, 200), run(1, "XC-W", 200, 300)));

        assertThat(units.of(List.of(stay(0, 60), stay(70, 200)))).containsExactly(new Unit("XC", "XC name"),
                new Unit("XC-E", "XC-E name"), null);
        // 30 minutes each: the lower code.
        assertThat(units.of(List.of(stay(0, 60)))[1]).isEqualTo(new Unit("XC-E", "XC-E name"));
        assertThat(units.of(List.of(stay(15, 45)))[1]).isEqualTo(new Unit("XC-E", "XC-E name"));
        assertThat(units.of(List.of(stay(10, 45)))[1]).isEqualTo(new Unit("XC-W", "XC-W name"));
        // Only at sea, or a stay of no time: no unit at level 1.
        assertThat(units.of(List.of(stay(80, 190)))[1]).isNull();
        assertThat(units.of(List.of(stay(10, 10)))).containsOnlyNulls();
    }

    @Test
    void withoutRunsThereAreNoUnits() {
        assertThat(new AdminUnits(List.of()).of(List.of(stay(0, 60)))).containsOnlyNulls();
        assertThat(new AdminUnits(List.of(run(0, "XC", 0, 300))).of(List.of())).containsOnlyNulls();
    }
}
