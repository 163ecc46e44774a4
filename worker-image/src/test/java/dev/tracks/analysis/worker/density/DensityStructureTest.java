package dev.tracks.analysis.worker.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import dev.tracks.analysis.worker.grid.CellVisit;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.zone.LocalDayWalk;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** density_structure on cell visits whose presence and Gi* are computed by hand. */
class DensityStructureTest {

    private static final DensityParams DEFAULTS = SkillParams.defaults(DensityParams.class);
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private static LocalDayWalk zurichDays() {
        return new LocalDayWalk(new UserTimeZones.Resolver(ZURICH, ZoneId.of("UTC")));
    }

    /** A visit of {@code fixes} fixes from {@code start}, its last fix 10 s before its dwell ends. */
    private static CellVisit visit(long cell, String start, int dwellSeconds, int fixes) {
        long from = Instant.parse(start).toEpochMilli();
        long end = from + dwellSeconds * 1000L;
        return new CellVisit(cell, from, from + fixes - 1, fixes, from, Math.max(from, end - 10_000), end);
    }

    private static List<CellDensity> density(List<CellVisit> visits) {
        return DensityStructure.of(visits, zurichDays(), DEFAULTS);
    }

    private static CellDensity row(List<CellDensity> rows, long cell) {
        return rows.stream().filter(row -> row.cell() == cell).findFirst().orElseThrow();
    }

    @Test
    void theDefaultsAreThe95thPercentileAndFivePercentSignificance() {
        assertThat(DEFAULTS.hotspotPercentile()).isEqualTo(95);
        assertThat(DEFAULTS.significance()).isEqualTo(0.05);
    }

    @Test
    void aHotCellInTheMiddleOfSevenMatchesGiStarComputedByHand() {
        long centre = CellVisits.cellOf(47.37, 8.54, 9);
        List<Long> ring = new ArrayList<>(CellVisits.withNeighbours(centre));
        ring.remove(centre);
        assertThat(ring).hasSize(6);
        List<CellVisit> visits = new ArrayList<>();
        // 2026-06-01 in Zurich (UTC+2): the centre 300 s in the morning, five of its neighbours 60 s each
        visits.add(visit(centre, "2026-06-01T06:00:00Z", 300, 5));
        for (int k = 0; k < 5; k++) {
            visits.add(visit(ring.get(k), Instant.parse("2026-06-01T07:00:00Z").plusSeconds(120L * k).toString(), 60,
                    2));
        }
        // the sixth neighbour 60 s across local midnight (one UTC day, two local days), the centre again next day
        visits.add(visit(ring.get(5), "2026-06-01T21:59:30Z", 60, 2));
        visits.add(visit(centre, "2026-06-02T06:00:00Z", 300, 5));

        List<CellDensity> rows = density(visits);

        assertThat(rows).extracting(CellDensity::cell).containsExactly(centre, ring.get(0), ring.get(1), ring.get(2),
                ring.get(3), ring.get(4), ring.get(5));
        CellDensity hot = row(rows, centre);
        assertThat(hot.fixes()).isEqualTo(10);
        assertThat(hot.dwellSeconds()).isEqualTo(600);
        assertThat(hot.days()).isEqualTo(2);
        assertThat(row(rows, ring.get(0)).days()).isEqualTo(1);
        assertThat(row(rows, ring.get(5)).days()).isEqualTo(2);

        // By hand: the study area is the 7 visited cells and the 12 empty cells around them, n = 19; the values are
        // 600, six times 60 and twelve 0, sum 960, mean 960 / 19 = 50.5263; sum of squared deviations
        // 600^2 + 6 * 60^2 - 19 * 50.5263^2 = 381600 - 48505.26 = 333094.74, S = sqrt(333094.74 / 19) = 132.4058;
        // every neighbourhood has W = 7, so the denominator is S * sqrt((19 * 7 - 49) / 18) = 132.4058 * 2.1602
        // = 286.0293. Centre: (960 - 7 * 50.5263) / 286.0293 = 606.3158 / 286.0293 = 2.11977, p = erfc(2.11977 /
        // sqrt 2) = 0.03403. A neighbour: the centre, itself, its two visited neighbours and three empty cells,
        // (600 + 3 * 60 - 353.6842) / 286.0293 = 1.49046, p = 0.13610.
        assertThat(hot.giZ()).isCloseTo(2.11977, within(1e-5));
        assertThat(hot.giP()).isCloseTo(0.03403, within(1e-5));
        assertThat(hot.giHot()).isTrue();
        for (long cell : ring) {
            assertThat(row(rows, cell).giZ()).isCloseTo(1.49046, within(1e-5));
            assertThat(row(rows, cell).giP()).isCloseTo(0.13610, within(1e-5));
            assertThat(row(rows, cell).giHot()).isFalse();
        }
        // 95th percentile of 60 (six times) and 600: rank 0.95 * 6 = 5.7, 60 + 0.7 * 540 = 438; only the centre
        assertThat(rows).filteredOn(CellDensity::percentileHot).extracting(CellDensity::cell).containsExactly(centre);
    }

    @Test
    void aSingleCellHasNoGiStarBecauseItsNeighbourhoodIsTheWholeStudyArea() {
        long cell = CellVisits.cellOf(47.37, 8.54, 9);
        List<CellDensity> rows = density(List.of(visit(cell, "2026-06-01T06:00:00Z", 300, 5)));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).giZ()).isNaN();
        assertThat(rows.get(0).giP()).isNaN();
        assertThat(rows.get(0).giHot()).isNull();
        assertThat(rows.get(0).percentileHot()).isFalse();
        assertThat(rows.get(0).days()).isEqualTo(1);
    }

    @Test
    void noVisitsGiveNoRows() {
        assertThat(density(List.of())).isEmpty();
    }

    @Test
    void dwellZeroEverywhereHasNoVarianceAndNoGiStar() {
        long a = CellVisits.cellOf(47.37, 8.54, 9);
        long b = CellVisits.cellOf(47.40, 8.60, 9);
        List<CellDensity> rows = density(List.of(visit(a, "2026-06-01T06:00:00Z", 0, 1),
                visit(b, "2026-06-01T07:00:00Z", 0, 1)));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.giZ()).isNaN();
            assertThat(row.giHot()).isNull();
            assertThat(row.percentileHot()).isFalse();
        });
    }

    @Test
    void equalDwellStillVariesAgainstTheEmptyCellsAroundAndMarksNoPercentileHotSpot() {
        long centre = CellVisits.cellOf(47.37, 8.54, 9);
        List<CellVisit> visits = new ArrayList<>();
        Instant start = Instant.parse("2026-06-01T06:00:00Z");
        for (long cell : CellVisits.withNeighbours(centre)) {
            visits.add(visit(cell, start.toString(), 60, 2));
            start = start.plusSeconds(60);
        }
        List<CellDensity> rows = density(visits);
        // mean 420 / 19, the centre's neighbourhood holds all 420 s, each neighbour's 240 s
        assertThat(row(rows, centre).giZ()).isGreaterThan(row(rows, visits.get(1).cell()).giZ());
        assertThat(rows).allSatisfy(row -> assertThat(row.giZ()).isPositive());
        assertThat(rows).noneMatch(CellDensity::percentileHot);
    }

    /** Two neighbours with 600 s each: n = 10 (7 + 7 less the 4 cells both disks hold), so z is known. */
    private static void assertTwoNeighbours(long a) {
        long b = CellVisits.withNeighbours(a).stream().filter(cell -> cell != a).findFirst().orElseThrow();
        List<CellDensity> rows = density(List.of(visit(a, "2026-06-01T06:00:00Z", 600, 5),
                visit(b, "2026-06-01T07:00:00Z", 600, 5)));
        // mean 1200 / 10 = 120, S = sqrt((2 * 480^2 + 8 * 120^2) / 10) = 240, W = 7:
        // z = (1200 - 840) / (240 * sqrt((70 - 49) / 9)) = 360 / 366.606 = 0.98198
        assertThat(rows).allSatisfy(row -> assertThat(row.giZ()).isCloseTo(0.98198, within(1e-5)));
    }

    @Test
    void neighboursAcrossTheAntimeridianAreNeighbours() {
        long east = CellVisits.cellOf(0.5, 179.9995, 9);
        long west = CellVisits.withNeighbours(east).stream().filter(cell -> CellVisits.centreOf(cell)[1] < 0)
                .findFirst().orElseThrow();
        assertThat(CellVisits.withNeighbours(west)).contains(east);
        List<CellDensity> rows = density(List.of(visit(east, "2026-06-01T06:00:00Z", 600, 5),
                visit(west, "2026-06-01T07:00:00Z", 600, 5)));
        assertThat(rows).allSatisfy(row -> assertThat(row.giZ()).isCloseTo(0.98198, within(1e-5)));
        assertTwoNeighbours(east);
    }

    @Test
    void cellsAtThePolesAndAPentagonHaveTheirNeighbourhoods() {
        assertTwoNeighbours(CellVisits.cellOf(89.9999, 0, 9));
        assertTwoNeighbours(CellVisits.cellOf(-89.9999, 45, 9));
        long pentagon = pentagonAtResolution9();
        assertThat(CellVisits.withNeighbours(pentagon)).hasSize(6);
        List<CellDensity> rows = density(List.of(visit(pentagon, "2026-06-01T06:00:00Z", 600, 5),
                visit(CellVisits.cellOf(47.37, 8.54, 9), "2026-06-01T07:00:00Z", 60, 2)));
        // n = 6 + 7 (5 and 6 empty neighbours), and the pentagon's neighbourhood weighs 6 cells:
        // (600 - 6 * 660 / 13) / (S * sqrt((13 * 6 - 36) / 12))
        double mean = 660.0 / 13;
        double sd = Math.sqrt((Math.pow(600 - mean, 2) + Math.pow(60 - mean, 2) + 11 * mean * mean) / 13);
        assertThat(row(rows, pentagon).giZ()).isCloseTo((600 - 6 * mean) / (sd * Math.sqrt(42.0 / 12)),
                within(1e-9));
    }

    private static long pentagonAtResolution9() {
        try {
            return H3Core.newInstance().getPentagons(9).iterator().next();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
