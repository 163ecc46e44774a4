package dev.tracks.analysis.worker.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.reference.ReferenceData;
import dev.tracks.analysis.worker.stay.ChunkedRun;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs through generated adjacent squares ({@link AdminSquares}) loaded into a real PostgreSQL and read back. */
class AdminRunsTest {

    private static final AdminArea COUNTRY = new AdminArea(0, "XC", "XC", "Xland");
    private static final AdminArea WEST = new AdminArea(1, "XC-W", "XC", "West");
    private static final AdminArea EAST = new AdminArea(1, "XC-E", "XC", "East");
    private static final long T0 = Instant.parse("2026-05-04T08:00:00Z").toEpochMilli();
    private static final long GAP_MILLIS = 900_000;

    private static CellAreas areas;

    @BeforeAll
    static void load(@TempDir Path directory) throws Exception {
        try (Connection db = TestDatabase.migratedDatabase("geocoding_runs").getConnection()) {
            AdminSquares.load(db, directory);
            areas = new CellAreas(ReferenceData.requireAdmin(db), new int[] {0, 1}, 9);
        }
    }

    /** Fixes at latitude 47.5 at the given longitudes, one every 10 s from T0, ids from 1. */
    private static Fixes along(double... lons) {
        Fixes fixes = new Fixes();
        for (int i = 0; i < lons.length; i++) {
            fixes.add(i + 1, T0 + i * 10_000L, 47.5, lons[i], Double.NaN, Double.NaN);
        }
        return fixes;
    }

    private static List<AdminVisit> all(StreamResult<AdminVisit> result) {
        List<AdminVisit> all = new ArrayList<>(result.finals());
        all.addAll(result.provisional());
        return all;
    }

    @Test
    void aTrackFromOneSquareToTheOtherAndBackMakesThreeRegionRunsInOneCountryRun() {
        StreamResult<AdminVisit> result = AdminRuns.detect(along(8.5, 8.55, 8.59, 8.65, 8.7, 8.62, 8.58, 8.5), areas,
                GAP_MILLIS);

        assertThat(all(result)).containsExactly(
                new AdminVisit(0, COUNTRY, 1, 8, 8, T0, T0 + 70_000, T0 + 70_000),
                new AdminVisit(1, WEST, 1, 3, 3, T0, T0 + 20_000, T0 + 30_000),
                new AdminVisit(1, EAST, 4, 6, 3, T0 + 30_000, T0 + 50_000, T0 + 60_000),
                new AdminVisit(1, WEST, 7, 8, 2, T0 + 60_000, T0 + 70_000, T0 + 70_000));
        // The country run is open all along and no fix starts runs at both levels but the first: nothing is final.
        assertThat(result.finals()).isEmpty();
        assertThat(result.resumeIndex()).isZero();
    }

    @Test
    void fixesAtSeaAreARunWithNoAreaAndLeavingTheCountryMakesTheRestFinal() {
        StreamResult<AdminVisit> result = AdminRuns.detect(along(9.4, 9.45, 9.6, 9.7, 9.45), areas, GAP_MILLIS);

        assertThat(all(result)).containsExactly(
                new AdminVisit(0, COUNTRY, 1, 2, 2, T0, T0 + 10_000, T0 + 20_000),
                new AdminVisit(1, EAST, 1, 2, 2, T0, T0 + 10_000, T0 + 20_000),
                new AdminVisit(0, null, 3, 4, 2, T0 + 20_000, T0 + 30_000, T0 + 40_000),
                new AdminVisit(1, null, 3, 4, 2, T0 + 20_000, T0 + 30_000, T0 + 40_000),
                new AdminVisit(0, COUNTRY, 5, 5, 1, T0 + 40_000, T0 + 40_000, T0 + 40_000),
                new AdminVisit(1, EAST, 5, 5, 1, T0 + 40_000, T0 + 40_000, T0 + 40_000));
        // Fix 5 (index 4) starts the runs of both levels: what starts before it is final.
        assertThat(result.resumeIndex()).isEqualTo(4);
        assertThat(result.finals()).hasSize(4);
    }

    @Test
    void aGapEndsTheRunsAtTheFixBeforeItEvenInTheSameArea() {
        Fixes fixes = along(8.5, 8.5).add(3, T0 + 10_000 + GAP_MILLIS + 1, 47.5, 8.5, Double.NaN, Double.NaN);

        assertThat(all(AdminRuns.detect(fixes, areas, GAP_MILLIS))).containsExactly(
                new AdminVisit(0, COUNTRY, 1, 2, 2, T0, T0 + 10_000, T0 + 10_000),
                new AdminVisit(1, WEST, 1, 2, 2, T0, T0 + 10_000, T0 + 10_000),
                new AdminVisit(0, COUNTRY, 3, 3, 1, T0 + 10_000 + GAP_MILLIS + 1, T0 + 10_000 + GAP_MILLIS + 1,
                        T0 + 10_000 + GAP_MILLIS + 1),
                new AdminVisit(1, WEST, 3, 3, 1, T0 + 10_000 + GAP_MILLIS + 1, T0 + 10_000 + GAP_MILLIS + 1,
                        T0 + 10_000 + GAP_MILLIS + 1));
    }

    @Test
    void fixesInACellOnTheBorderAreLookedUpThemselvesNotAsTheCellCentre() {
        // 15 m on either side of the border: one H3 cell of resolution 9 (about 200 m) holds both.
        double west = AdminSquares.BORDER_LON - 0.0002;
        double east = AdminSquares.BORDER_LON + 0.0002;
        assertThat(areas.ofCell(dev.tracks.analysis.worker.grid.CellVisits.cellOf(47.5, west, 9))).isNull();

        assertThat(all(AdminRuns.detect(along(west, east, west), areas, GAP_MILLIS))).extracting(AdminVisit::area)
                .containsExactly(COUNTRY, WEST, EAST, WEST);
    }

    @Test
    void chunkedEqualsWhole() {
        // Three days between Zurich-like west and the east square, nights without fixes (gaps), the last leg out to sea.
        SyntheticTrack track = SyntheticTrack.startingAt(Instant.ofEpochMilli(T0), 47.5, 8.5, 7)
                .sampleEvery(Duration.ofSeconds(5));
        for (int day = 0; day < 3; day++) {
            track.stay(Duration.ofMinutes(30), 8).move(90, 12_000, 60).stay(Duration.ofMinutes(20), 8)
                    .move(270, 12_000, 60).gap(Duration.ofHours(10));
        }
        track.move(90, 80_000, 100).stay(Duration.ofMinutes(10), 8);
        Fixes fixes = track.fixes();
        List<AdminVisit> whole = all(AdminRuns.detect(fixes, areas, GAP_MILLIS));

        for (int chunk : new int[] {1, 97, 500, 5000}) {
            List<AdminVisit> chunked = new ArrayList<>();
            Fixes window = new Fixes();
            StreamResult<AdminVisit> last = null;
            for (int start = 0; start < fixes.size(); start += chunk) {
                for (int i = start; i < Math.min(fixes.size(), start + chunk); i++) {
                    window.add(fixes, i);
                }
                last = AdminRuns.detect(window, areas, GAP_MILLIS);
                chunked.addAll(last.finals());
                window = window.slice(last.contextIndex(), window.size());
            }
            chunked.addAll(last.provisional());
            assertThat(chunked).as("chunks of %d", chunk).isEqualTo(whole);
        }
        // Continued calls go on walking from where the last one stopped: each fix is walked once.
        for (int chunk : new int[] {1, 97, 500, 5000}) {
            int[] cuts = java.util.stream.IntStream.iterate(chunk, cut -> cut < fixes.size(), cut -> cut + chunk)
                    .toArray();
            AdminRuns runs = new AdminRuns(areas, GAP_MILLIS);
            assertThat(ChunkedRun.inChunks(fixes, cuts, (window, from) -> runs.analyze(window)))
                    .as("one instance, chunks of %d", chunk).isEqualTo(whole);
            assertThat(runs.walked()).as("fixes walked in chunks of %d", chunk).isEqualTo(fixes.size());
        }
        // Each day crosses into the east square and back; the country run breaks at each night and at the sea.
        assertThat(whole).filteredOn(visit -> EAST.equals(visit.area())).hasSize(4);
        assertThat(whole).filteredOn(visit -> visit.area() == null).hasSize(2);
        assertThat(whole.stream().filter(visit -> visit.level() == 1).mapToInt(AdminVisit::fixCount).sum())
                .isEqualTo(fixes.size());
    }
}
