package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.roads.RoadGrid;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * road_overlap after the default chain on a real PostgreSQL, over a generated street grid loaded as the active osm
 * load: commuters along the streets are map-matched, one far from every road falls back to proximity; incremental runs
 * as the days arrive equal a full recompute; a late point changes only its user's rows; a new osm load recomputes
 * everyone on it; no osm load fails the task.
 */
class RoadOverlapRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    /** 8 east-west streets and 30 north-south ones, 400 m apart: 11.6 by 2.8 km. */
    private static final RoadGrid GRID = RoadGrid.at(47.37, 8.50, 8, 30, 400);
    private static final String ROWS = "SELECT * FROM road_overlaps ORDER BY user_id, started_at, road_class";

    /**
     * A commuter's day on the grid from the crossing of row {@code row} and column 0 (or, off the grid, from a point
     * as far): 4 km east along the row by car, 1.2 km north on foot, and back; fixes every 10 s with 3 m of noise.
     */
    private static Fixes day(Instant start, double lat, double lon, long seed) {
        return SyntheticTrack.startingAt(start, lat, lon, seed).sampleEvery(Duration.ofSeconds(10)).moveNoise(3)
                .stay(Duration.ofMinutes(60), 8)
                .move(90, 4000, 40)
                .stay(Duration.ofMinutes(30), 8)
                .move(0, 1200, 5)
                .stay(Duration.ofHours(8), 8)
                .move(180, 1200, 5)
                .move(270, 4000, 40)
                .stay(Duration.ofMinutes(90), 8)
                .fixes();
    }

    private static void runAll(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(), Skill.ROAD_OVERLAP);
    }

    private static void insertDays(RunFixture fixture, Instant day, long seed) throws SQLException {
        fixture.insert("ada", day(day, GRID.lat(0), GRID.lon(0), seed));
        fixture.insert("bob", day(day.plusSeconds(600), GRID.lat(4), GRID.lon(2), seed + 1));
        fixture.insert("cyd", day(day.plusSeconds(1200), GRID.lat(0) + 0.3, GRID.lon(0), seed + 2));
    }

    @Test
    void streetsAreMatchedAFarTripFallsBackAndIncrementalEqualsFullRecompute(@TempDir Path directory)
            throws Exception {
        RunFixture fixture = new RunFixture("road_overlap_run");
        long loadId;
        try (Connection db = fixture.dataSource.getConnection()) {
            loadId = RoadGrid.load(db, directory, List.of(GRID));
        }
        insertDays(fixture, MONDAY, 1);
        runAll(fixture, TaskMode.INCREMENTAL);
        insertDays(fixture, MONDAY.plusSeconds(86_400), 11);
        runAll(fixture, TaskMode.INCREMENTAL);

        assertThat(fixture.rows("SELECT DISTINCT reference_load_id FROM road_overlaps")).containsExactly(
                List.of(loadId));
        // Every trip (three a day: to the car park, to work, home) has its row; ada's and bob's trips follow the
        // streets, cyd's lie 33 km north of every road.
        assertThat(fixture.count("SELECT count(*) FROM trips")).isEqualTo(fixture.count(
                "SELECT count(*) FROM road_overlaps WHERE road_class = 'all'")).isEqualTo(18);
        assertThat(fixture.rows("SELECT user_id, method, count(*) FROM road_overlaps WHERE road_class = 'all'"
                + " GROUP BY user_id, method ORDER BY user_id")).containsExactly(List.of("ada", "map_matching", 6L),
                List.of("bob", "map_matching", 6L), List.of("cyd", "proximity", 6L));
        assertThat(fixture.count("SELECT count(*) FROM road_overlaps WHERE road_class = 'all'"
                + " AND method = 'map_matching' AND matched_share NOT BETWEEN 0.9 AND 1.1")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM road_overlaps WHERE user_id = 'cyd' AND (near_points > 0"
                + " OR road_class <> 'all' OR matched_length_m IS NOT NULL)")).isZero();
        // Ada drives on the primary road and walks up a residential street; bob's row is tertiary.
        assertThat(fixture.rows("SELECT DISTINCT road_class FROM road_overlaps WHERE user_id = 'ada'"
                + " AND matched_length_m > 500 AND road_class <> 'all' ORDER BY 1")).containsExactly(
                List.of("primary"), List.of("residential"));
        assertThat(fixture.rows("SELECT DISTINCT road_class FROM road_overlaps WHERE user_id = 'bob'"
                + " AND matched_length_m > 500 AND road_class <> 'all' ORDER BY 1")).containsExactly(
                List.of("residential"), List.of("tertiary"));

        // A late fix of bob's in his first morning's stay: only bob's rows may change.
        List<List<Object>> others = fixture.rows("SELECT * FROM road_overlaps WHERE user_id <> 'bob'"
                + " ORDER BY user_id, started_at, road_class");
        fixture.insert("bob", new Fixes().add(0, MONDAY.plusSeconds(600 + 1802).toEpochMilli(), GRID.lat(4),
                GRID.lon(2), Double.NaN, Double.NaN));
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT * FROM road_overlaps WHERE user_id <> 'bob'"
                + " ORDER BY user_id, started_at, road_class")).isEqualTo(others);

        List<List<Object>> incremental = fixture.rows(ROWS);
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(ROWS)).isEqualTo(incremental);

        // A new osm load (the same streets and a second grid far away): every user's rows become stale and the next
        // incremental run, without a new point, recomputes them on it, as a full recompute would.
        Path second = Files.createDirectories(directory.resolve("second"));
        long secondId;
        try (Connection db = fixture.dataSource.getConnection()) {
            secondId = RoadGrid.load(db, second, List.of(GRID,
                    RoadGrid.at(10, 10, 2, 2, 100).numberedFrom(1_000_000_000)));
        }
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT DISTINCT reference_load_id FROM road_overlaps")).containsExactly(
                List.of(secondId));
        List<List<Object>> onSecond = fixture.rows(ROWS);
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(ROWS)).isEqualTo(onSecond);
    }

    @Test
    void withoutAnOsmLoadTheTaskFailsNotRetryablySayingHowToLoadOne() throws SQLException {
        RunFixture fixture = new RunFixture("road_overlap_no_data");
        fixture.insert("ada", day(MONDAY, GRID.lat(0), GRID.lon(0), 1));
        for (Skill skill : List.of(Skill.OUTLIER_DETECTION, Skill.TRANSPORT_MODE, Skill.STAY_DETECTION,
                Skill.TRIP_CONSTRUCTION)) {
            fixture.run(skill, TaskMode.INCREMENTAL, Map.of());
        }

        assertThatThrownBy(() -> fixture.run(Skill.ROAD_OVERLAP, TaskMode.INCREMENTAL, Map.of()))
                .isInstanceOfSatisfying(WorkerFailure.class, failure -> assertThat(failure.exitCode())
                        .isEqualTo(WorkerFailure.notRetryable("x").exitCode()))
                .hasMessageContaining("no OSM network loaded: run `tracks-worker reference load osm");
        assertThat(fixture.count("SELECT count(*) FROM road_overlaps")).isZero();
    }
}
