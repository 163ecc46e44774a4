package dev.tracks.analysis.worker.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellVisitsTest {

    private static final GridParams PARAMS = SkillParams.defaults(GridParams.class);
    private static H3Core h3;
    private static long cellA;
    private static long cellB;

    @BeforeAll
    static void knownCells() throws IOException {
        h3 = H3Core.newInstance();
        cellA = h3.latLngToCell(47.3769, 8.5417, 9);
        cellB = h3.gridDisk(cellA, 1).stream().filter(c -> c != cellA).findFirst().orElseThrow();
    }

    @Test
    void visitsOfKnownCellsHaveExactCountsAndDwell() {
        Fixes fixes = new Fixes();
        addAtCentre(fixes, 1, 0, cellA);
        addAtCentre(fixes, 2, 60_000, cellA);
        addAtCentre(fixes, 3, 120_000, cellA);
        addAtCentre(fixes, 4, 180_000, cellB);
        addAtCentre(fixes, 5, 240_000, cellB);
        addAtCentre(fixes, 6, 300_000, cellA);

        StreamResult<CellVisit> result = CellVisits.detect(fixes, PARAMS);

        assertThat(result.finals()).containsExactly(
                new CellVisit(cellA, 1, 3, 3, 0, 120_000, 180_000),
                new CellVisit(cellB, 4, 5, 2, 180_000, 240_000, 300_000));
        assertThat(result.provisional()).containsExactly(new CellVisit(cellA, 6, 6, 1, 300_000, 300_000, 300_000));
        assertThat(result.resumeIndex()).isEqualTo(5);
        assertThat(result.contextIndex()).isEqualTo(5);
        assertThat(result.finals().get(0).dwellMillis()).isEqualTo(180_000);
    }

    @Test
    void summariesAggregateVisitsPerCell() {
        List<CellVisit> visits = List.of(
                new CellVisit(cellA, 1, 3, 3, 0, 120_000, 180_000),
                new CellVisit(cellB, 4, 5, 2, 180_000, 240_000, 300_000),
                new CellVisit(cellA, 6, 6, 1, 300_000, 300_000, 300_000));

        assertThat(CellSummaries.aggregate(visits)).containsExactly(
                new CellSummary(cellA, 2, 4, 180_000, 0, 300_000),
                new CellSummary(cellB, 1, 2, 120_000, 180_000, 240_000));
    }

    @Test
    void gapsAboveTheLimitAreNoDwellAndEndTheVisit() {
        Fixes fixes = new Fixes();
        addAtCentre(fixes, 1, 0, cellA);
        addAtCentre(fixes, 2, 900_000, cellA);
        addAtCentre(fixes, 3, 1_801_000, cellA);
        addAtCentre(fixes, 4, 1_861_000, cellB);

        StreamResult<CellVisit> result = CellVisits.detect(fixes, PARAMS);

        assertThat(result.finals()).containsExactly(
                new CellVisit(cellA, 1, 2, 2, 0, 900_000, 900_000),
                new CellVisit(cellA, 3, 3, 1, 1_801_000, 1_801_000, 1_861_000));
        assertThat(result.provisional()).containsExactly(
                new CellVisit(cellB, 4, 4, 1, 1_861_000, 1_861_000, 1_861_000));
        assertThat(CellSummaries.aggregate(result.finals()).get(0).dwellMillis()).isEqualTo(960_000);
    }

    @Test
    void aCellAcrossTheAntimeridianIsOneVisit() {
        long straddling = h3.latLngToCell(10, 180, 9);
        assertThat(h3.latLngToCell(10, 179.99999, 9)).isEqualTo(straddling);
        assertThat(h3.latLngToCell(10, -179.99999, 9)).isEqualTo(straddling);
        Fixes fixes = new Fixes();
        for (int i = 0; i < 6; i++) {
            fixes.add(i, i * 10_000L, 10, i % 2 == 0 ? 179.99999 : -179.99999, Double.NaN, Double.NaN);
        }

        StreamResult<CellVisit> result = CellVisits.detect(fixes, PARAMS);

        assertThat(result.finals()).isEmpty();
        assertThat(result.provisional()).containsExactly(new CellVisit(straddling, 0, 5, 6, 0, 50_000, 50_000));
    }

    @Test
    void noFixesGiveNothingAndOneFixAnOpenVisit() {
        StreamResult<CellVisit> none = CellVisits.detect(new Fixes(), PARAMS);
        assertThat(none.finals()).isEmpty();
        assertThat(none.provisional()).isEmpty();
        assertThat(none.resumeIndex()).isZero();

        Fixes one = new Fixes();
        addAtCentre(one, 7, 1_000, cellB);
        StreamResult<CellVisit> single = CellVisits.detect(one, PARAMS);
        assertThat(single.finals()).isEmpty();
        assertThat(single.provisional()).containsExactly(new CellVisit(cellB, 7, 7, 1, 1_000, 1_000, 1_000));
        assertThat(single.resumeIndex()).isZero();
    }

    @Test
    void resumeIndexNeverSplitsEqualTimes() {
        long cellC = h3.gridDisk(cellA, 1).stream().filter(c -> c != cellA && c != cellB).findFirst().orElseThrow();
        Fixes fixes = new Fixes();
        addAtCentre(fixes, 1, 0, cellA);
        addAtCentre(fixes, 2, 10_000, cellB);
        addAtCentre(fixes, 3, 10_000, cellC);

        StreamResult<CellVisit> result = CellVisits.detect(fixes, PARAMS);

        assertThat(result.resumeIndex()).isEqualTo(1);
        assertThat(result.finals()).containsExactly(new CellVisit(cellA, 1, 1, 1, 0, 0, 10_000));
        assertThat(result.provisional()).containsExactly(
                new CellVisit(cellB, 2, 2, 1, 10_000, 10_000, 10_000),
                new CellVisit(cellC, 3, 3, 1, 10_000, 10_000, 10_000));
    }

    @Test
    void chunkedCallsGiveTheSameVisitsAsOneCall() {
        Fixes fixes = walkWithGapsAndEqualTimes();
        StreamResult<CellVisit> whole = CellVisits.detect(fixes, PARAMS);
        List<CellVisit> expected = new ArrayList<>(whole.finals());
        expected.addAll(whole.provisional());
        assertThat(whole.finals().size()).isGreaterThan(20);

        Random random = new Random(3);
        for (int chunk : new int[] {1, 2, 7, 50, 333}) {
            assertThat(inChunks(fixes, chunk, random)).as("chunks of about %d", chunk).isEqualTo(expected);
        }
    }

    /** Feeds the fixes in chunks of random size up to {@code maxChunk}, carrying fixes over from contextIndex. */
    private static List<CellVisit> inChunks(Fixes fixes, int maxChunk, Random random) {
        List<CellVisit> results = new ArrayList<>();
        Fixes carried = new Fixes();
        StreamResult<CellVisit> last = null;
        int next = 0;
        while (next < fixes.size()) {
            int end = Math.min(fixes.size(), next + 1 + random.nextInt(maxChunk));
            for (; next < end; next++) {
                carried.add(fixes, next);
            }
            last = CellVisits.detect(carried, PARAMS);
            results.addAll(last.finals());
            carried.dropBefore(last.contextIndex());
        }
        results.addAll(last.provisional());
        return results;
    }

    /** A walk through many cells with stays, a long gap, and every fifth fix at its predecessor's time. */
    private static Fixes walkWithGapsAndEqualTimes() {
        SyntheticTrack track = SyntheticTrack.startingAt(Instant.parse("2026-03-01T08:00:00Z"), 47.3769, 8.5417, 5)
                .stay(Duration.ofMinutes(10), 20)
                .move(45, 3000, 20)
                .gap(Duration.ofMinutes(40))
                .stay(Duration.ofMinutes(5), 150)
                .move(200, 2500, 30);
        Fixes generated = track.fixes();
        Fixes fixes = new Fixes();
        for (int i = 0; i < generated.size(); i++) {
            long time = i % 5 == 4 ? generated.time(i - 1) : generated.time(i);
            fixes.add(generated.id(i), time, generated.lat(i), generated.lon(i), Double.NaN, Double.NaN);
        }
        return fixes;
    }

    private static void addAtCentre(Fixes fixes, long id, long time, long cell) {
        LatLng centre = h3.cellToLatLng(cell);
        fixes.add(id, time, centre.lat, centre.lng, Double.NaN, Double.NaN);
    }
}
