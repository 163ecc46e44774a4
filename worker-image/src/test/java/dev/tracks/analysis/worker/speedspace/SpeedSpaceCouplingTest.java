package dev.tracks.analysis.worker.speedspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tracks.analysis.worker.footprint.FootprintsTable.StoredHome;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.grid.CellVisit;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.grid.GridParams;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** speed_space_coupling on fixes whose speeds, ranks and cells are known. */
class SpeedSpaceCouplingTest {

    private static final SpeedSpaceParams DEFAULTS = SkillParams.defaults(SpeedSpaceParams.class);
    private static final StoredHome HOME = new StoredHome(47.0, 8.0);
    private static final long T0 = Instant.parse("2026-06-01T06:00:00Z").toEpochMilli();
    private static final double METERS_PER_DEGREE = Geodesy.EARTH_RADIUS_METERS * Math.PI / 180;
    private static final long A = CellVisits.cellOf(47.0, 8.0, 9);
    private static final long B = CellVisits.cellOf(47.1, 8.0, 9);

    /**
     * Home, then five fixes a minute apart northwards after steps of 200, 100, 400, 300 and 500 m: speeds 12, 6, 24,
     * 18 and 30 km/h (speed ranks 2, 1, 4, 3, 5) at distances from home 200, 300, 700, 1000 and 1500 m (ranks 1 to 5).
     */
    private static Fixes fiveMovingFixes() {
        Fixes fixes = new Fixes().add(1, T0, HOME.lat(), HOME.lon(), Double.NaN, Double.NaN);
        double north = 0;
        double[] steps = {200, 100, 400, 300, 500};
        for (int i = 0; i < steps.length; i++) {
            north += steps[i];
            fixes.add(i + 2, T0 + 60_000L * (i + 1), HOME.lat() + north / METERS_PER_DEGREE, HOME.lon(), Double.NaN,
                    Double.NaN);
        }
        return fixes;
    }

    private static long[] cells(int size, long first, int firstCount, long rest) {
        long[] cells = new long[size];
        Arrays.fill(cells, 0, firstCount, first);
        Arrays.fill(cells, firstCount, size, rest);
        return cells;
    }

    @Test
    void theDefaultsAreGpxpysMovingThresholdAndFifteenMinuteGaps() {
        assertThat(DEFAULTS.movingSpeedKmh()).isEqualTo(1);
        assertThat(DEFAULTS.maxGapSeconds()).isEqualTo(900);
        assertThat(DEFAULTS.minFixesPerCell()).isEqualTo(10);
    }

    @Test
    void spearmanOfFiveFixesMatchesTheRanksByHand() {
        SpeedSpaceCoupling.Result result = SpeedSpaceCoupling.analyze(fiveMovingFixes(), cells(6, A, 6, A),
                List.of(), HOME, new SpeedSpaceParams(1, 1, 900));
        // d = rank differences (1, -1, 1, -1, 0), sum d^2 = 4: rho = 1 - 6 * 4 / (5 * (25 - 1)) = 0.8;
        // t = 0.8 * sqrt(3 / (1 - 0.64)) = 2.3094 with 3 degrees of freedom, whose CDF is
        // 1/2 + (1/pi) (u / (1 + u^2) + atan u) with u = t / sqrt 3: p = 2 (1 - F(t)) = 0.10409
        double t = 0.8 * Math.sqrt(3 / (1 - 0.64));
        double u = t / Math.sqrt(3);
        double p = 2 * (0.5 - (u / (1 + u * u) + Math.atan(u)) / Math.PI);
        assertThat(result.correlation().count()).isEqualTo(5);
        assertThat(result.correlation().rho()).isCloseTo(0.8, within(1e-9));
        assertThat(result.correlation().p()).isCloseTo(p, within(1e-9)).isCloseTo(0.10409, within(1e-5));

        // one cell: speeds 6, 12, 18, 24, 30: median 18, 85th percentile at rank 0.85 * 4 = 3.4: 24 + 0.4 * 6
        assertThat(result.cells()).hasSize(1);
        assertThat(result.cells().get(0).cell()).isEqualTo(A);
        assertThat(result.cells().get(0).count()).isEqualTo(5);
        assertThat(result.cells().get(0).medianKmh()).isCloseTo(18, within(1e-6));
        assertThat(result.cells().get(0).p85Kmh()).isCloseTo(26.4, within(1e-6));
    }

    @Test
    void eachCellGetsTheSpeedsOfTheStepsEndingInItAndSmallCellsNone() {
        // fixes 0-3 in A (speeds 12, 6, 24 at fixes 1-3), 4-5 in B (18, 30)
        long[] cells = cells(6, A, 4, B);
        List<CellSpeedProfile> all = SpeedSpaceCoupling.analyze(fiveMovingFixes(), cells, List.of(),
                HOME, new SpeedSpaceParams(1, 1, 900)).cells();
        // A: 6, 12, 24: median 12, rank 0.85 * 2 = 1.7: 12 + 0.7 * 12 = 20.4; B: 18, 30: 24 and 18 + 0.85 * 12
        assertThat(all).extracting(CellSpeedProfile::cell, CellSpeedProfile::count).containsExactly(
                tuple(A, 3), tuple(B, 2));
        assertThat(all.get(0).medianKmh()).isCloseTo(12, within(1e-6));
        assertThat(all.get(0).p85Kmh()).isCloseTo(12 + 0.7 * 12, within(1e-6));
        assertThat(all.get(1).medianKmh()).isCloseTo(24, within(1e-6));
        assertThat(all.get(1).p85Kmh()).isCloseTo(18 + 0.85 * 12, within(1e-6));
        assertThat(SpeedSpaceCoupling.analyze(fiveMovingFixes(), cells, List.of(), HOME,
                new SpeedSpaceParams(3, 1, 900)).cells()).extracting(CellSpeedProfile::cell).containsExactly(A);
    }

    @Test
    void stopsGapsAndStepsOfNoTimeGiveNoSpeed() {
        Fixes fixes = fiveMovingFixes();
        Fixes withPauses = new Fixes();
        for (int i = 0; i < fixes.size(); i++) {
            withPauses.add(fixes, i);
        }
        int last = fixes.size() - 1;
        // standing still a minute (0 km/h), a fix at the same time (no time: no speed), then a 20-minute gap
        withPauses.add(10, fixes.time(last) + 60_000, fixes.lat(last), fixes.lon(last), Double.NaN, Double.NaN);
        withPauses.add(11, fixes.time(last) + 60_000, fixes.lat(last) + 0.001, fixes.lon(last), Double.NaN,
                Double.NaN);
        withPauses.add(12, fixes.time(last) + 21 * 60_000, fixes.lat(last) + 0.1, fixes.lon(last), Double.NaN,
                Double.NaN);
        SpeedSpaceCoupling.Result result = SpeedSpaceCoupling.analyze(withPauses, cells(withPauses.size(), A,
                withPauses.size(), A), List.of(), HOME, new SpeedSpaceParams(1, 1, 900));
        assertThat(result.cells().get(0).count()).isEqualTo(5);
        assertThat(result.correlation().rho()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void fixesWithinAStayAreNotMovingButTheDepartureIs() {
        Fixes fixes = fiveMovingFixes();
        // a stay from fix 1 to fix 3, the first fix after it fix 4: fixes 1-3 (12, 6, 24 km/h) are left out, the
        // departure step to fix 4 (18 km/h) and fix 5 (30) count
        List<StoredStay> stays = List.of(new StoredStay(2, fixes.time(1), fixes.time(4), fixes.lat(2), fixes.lon(2)));
        SpeedSpaceCoupling.Result result = SpeedSpaceCoupling.analyze(fixes, cells(6, A, 6, A), stays, HOME,
                new SpeedSpaceParams(1, 1, 900));
        assertThat(result.cells()).hasSize(1);
        assertThat(result.cells().get(0).count()).isEqualTo(2);
        assertThat(result.cells().get(0).medianKmh()).isCloseTo(24, within(1e-6));
        assertThat(result.correlation().count()).isEqualTo(2);
        // a stay that ends before the fixes and one that starts after them change nothing
        List<StoredStay> around = List.of(new StoredStay(0, T0 - 600_000, T0, 47, 8),
                new StoredStay(9, fixes.time(5) + 1, fixes.time(5) + 600_000, 47, 8));
        assertThat(SpeedSpaceCoupling.analyze(fixes, cells(6, A, 6, A), around, HOME, new SpeedSpaceParams(1, 1, 900))
                .cells().get(0).count()).isEqualTo(5);
    }

    @Test
    void withoutAHomeOrWithTooFewOrConstantSpeedsRhoIsUndefined() {
        Fixes fixes = fiveMovingFixes();
        SpeedHomeCorrelation noHome = SpeedSpaceCoupling.analyze(fixes, cells(6, A, 6, A), List.of(), null, DEFAULTS)
                .correlation();
        assertThat(noHome.count()).isZero();
        assertThat(noHome.rho()).isNaN();
        assertThat(noHome.p()).isNaN();

        SpeedHomeCorrelation two = SpeedSpaceCoupling.analyze(fixes.slice(0, 3), cells(3, A, 3, A), List.of(), HOME,
                DEFAULTS).correlation();
        assertThat(two.count()).isEqualTo(2);
        assertThat(two.rho()).isNaN();

        // back and forth between two points east and west of home, a minute apart: equal speeds, equal distances
        Fixes steady = new Fixes();
        for (int i = 0; i < 8; i++) {
            steady.add(i, T0 + 60_000L * i, HOME.lat(), HOME.lon() + (i % 2 == 0 ? 0.01 : -0.01), Double.NaN,
                    Double.NaN);
        }
        SpeedHomeCorrelation constant = SpeedSpaceCoupling.analyze(steady, cells(steady.size(), A, steady.size(), A),
                List.of(), HOME, DEFAULTS).correlation();
        assertThat(constant.count()).isEqualTo(steady.size() - 1);
        assertThat(constant.rho()).isNaN();
        assertThat(constant.p()).isNaN();

        assertThat(SpeedSpaceCoupling.analyze(new Fixes(), new long[0], List.of(), HOME, DEFAULTS))
                .isEqualTo(new SpeedSpaceCoupling.Result(List.of(), new SpeedHomeCorrelation(0, Double.NaN,
                        Double.NaN)));
    }

    @Test
    void aStepAcrossTheAntimeridianIsMeasuredTheShortWay() {
        // 0.002 degrees of longitude at the equator, 222.4 m in 60 s: 13.34 km/h, not half the world
        Fixes fixes = new Fixes().add(1, T0, 0, 179.999, Double.NaN, Double.NaN)
                .add(2, T0 + 60_000, 0, -179.999, Double.NaN, Double.NaN);
        long[] cells = {CellVisits.cellOf(0, 179.999, 9), CellVisits.cellOf(0, -179.999, 9)};
        CellSpeedProfile profile = SpeedSpaceCoupling.analyze(fixes, cells, List.of(), null,
                new SpeedSpaceParams(1, 1, 900)).cells().get(0);
        assertThat(profile.cell()).isEqualTo(cells[1]);
        assertThat(profile.medianKmh()).isCloseTo(0.002 * METERS_PER_DEGREE / 60 * 3.6, within(1e-6))
                .isCloseTo(13.34, within(0.01));
    }

    @Test
    void aPerfectRankAgreementHasPZero() {
        assertThat(SpeedSpaceCoupling.twoSidedP(1, 5)).isZero();
        assertThat(SpeedSpaceCoupling.twoSidedP(-1, 5)).isZero();
        assertThat(SpeedSpaceCoupling.twoSidedP(0, 5)).isEqualTo(1);
    }

    /** A drive through many cells and a stay, at grid_system's default resolution. */
    private static Fixes drive() {
        return SyntheticTrack.startingAt(Instant.ofEpochMilli(T0), 47.37, 8.54, 7)
                .sampleEvery(Duration.ofSeconds(5))
                .move(90, 5000, 50).stay(Duration.ofMinutes(5), 3).move(0, 3000, 30).fixes();
    }

    private static long[] lookedUp(Fixes fixes, int resolution) {
        long[] cells = new long[fixes.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = CellVisits.cellOf(fixes.lat(i), fixes.lon(i), resolution);
        }
        return cells;
    }

    private static List<CellVisit> visits(Fixes fixes) {
        GridParams grid = SkillParams.defaults(GridParams.class);
        var detected = CellVisits.detect(fixes, grid);
        List<CellVisit> visits = new ArrayList<>(detected.finals());
        visits.addAll(detected.provisional());
        return visits;
    }

    @Test
    void theFixesTakeTheCellsOfTheirGridSystemVisits() {
        Fixes fixes = drive();
        long[] expected = lookedUp(fixes, 9);
        assertThat(visits(fixes).size()).isGreaterThan(10);
        assertThat(FixCells.of(fixes, visits(fixes), 9)).containsExactly(expected);
        // the fixes read may end inside the last visits
        Fixes prefix = fixes.slice(0, fixes.size() - 7);
        assertThat(FixCells.of(prefix, visits(fixes), 9)).containsExactly(Arrays.copyOf(expected, prefix.size()));
    }

    @Test
    void visitsOfOtherFixesAreNotUsedAndEachFixIsLookedUp() {
        Fixes fixes = drive();
        List<CellVisit> visits = visits(fixes);
        Fixes withoutOne = new Fixes();
        for (int i = 0; i < fixes.size(); i++) {
            if (i != 40) {
                withoutOne.add(fixes, i);
            }
        }
        List<CellVisit> wrongCells = new ArrayList<>();
        for (CellVisit visit : visits) {
            wrongCells.add(new CellVisit(B, visit.firstFixId(), visit.lastFixId(), visit.fixCount(),
                    visit.startMillis(), visit.lastFixMillis(), visit.endMillis()));
        }
        // the visits name fix 40, which this run does not read: every fix is looked up
        assertThat(FixCells.of(withoutOne, wrongCells, 9)).containsExactly(lookedUp(withoutOne, 9));
        // more fixes than the visits hold (grid_system saw fewer): looked up too
        assertThat(FixCells.of(fixes, wrongCells.subList(0, 3), 9)).containsExactly(lookedUp(fixes, 9));
        assertThat(FixCells.of(fixes, List.of(), 10)).containsExactly(lookedUp(fixes, 10));
    }
}
