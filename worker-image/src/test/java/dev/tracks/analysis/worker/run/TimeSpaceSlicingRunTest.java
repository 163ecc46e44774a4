package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * time_space_slicing on a real PostgreSQL after outlier_detection and grid_system: zones from the user's setting and
 * from the fixes' positions (the real zone polygons), sums that agree with grid_cells, late points that change only
 * their user's slices, and incremental runs as the data arrives equal to a full recompute.
 */
class TimeSpaceSlicingRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static final List<Skill> CHAIN = List.of(Skill.OUTLIER_DETECTION, Skill.GRID_SYSTEM,
            Skill.TIME_SPACE_SLICING);
    private static final String SLICES = "SELECT * FROM time_space_slices ORDER BY user_id, bucket_start, bucket_end,"
            + " cell";

    private static void runChain(RunFixture fixture, TaskMode mode) throws SQLException {
        for (Skill skill : CHAIN) {
            fixture.run(skill, mode, skill == Skill.TIME_SPACE_SLICING ? Map.of("granularity", "HOUR") : Map.of());
        }
    }

    @Test
    void slicesFollowTheUsersZonesAgreeWithTheGridAndIncrementalRunsEqualAFullRecompute() throws SQLException {
        RunFixture fixture = new RunFixture("time_space_slicing",
                "INSERT INTO user_time_zones (user_id, zone) VALUES ('bob', 'America/New_York')");
        // Ada in Zurich (her zone comes from the positions), Bob in Bern with New York set as his zone.
        fixture.insert("ada", ChainRunTest.day(MONDAY, 47.37, 8.54, 1).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(1800), 46.95, 7.44, 2).fixes());
        runChain(fixture, TaskMode.INCREMENTAL);
        fixture.insert("ada", ChainRunTest.day(MONDAY.plusSeconds(86_400), 47.37, 8.54, 3).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(86_400), 46.95, 7.44, 4).fixes());
        runChain(fixture, TaskMode.INCREMENTAL);

        assertThat(fixture.rows("SELECT DISTINCT user_id, zone, zone_source, resolution, granularity"
                + " FROM time_space_slices ORDER BY user_id")).containsExactly(
                List.of("ada", "Europe/Zurich", "location", 9, "HOUR"),
                List.of("bob", "America/New_York", "user", 9, "HOUR"));
        // Every clean fix once; each cell's dwell over all hours is its dwell in grid_cells.
        assertThat(fixture.count("SELECT sum(n_points) FROM time_space_slices"))
                .isEqualTo(fixture.count("SELECT count(*) FROM track_points"));
        assertThat(fixture.rows("SELECT s.user_id, s.cell, s.dwell - g.dwell_seconds FROM (SELECT user_id, cell,"
                + " sum(dwell_seconds) AS dwell FROM time_space_slices GROUP BY user_id, cell) s JOIN grid_cells g"
                + " USING (user_id, cell)")).hasSize((int) fixture.count("SELECT count(*) FROM grid_cells"))
                .allSatisfy(row -> assertThat((double) row.get(2)).isCloseTo(0, within(1e-6)));
        assertThat(fixture.count("SELECT count(*) FROM time_space_slices WHERE dwell_seconds"
                + " > extract(epoch FROM bucket_end - bucket_start) + 1e-6")).isZero();

        // A late fix of Bob's in his first morning: only Bob's slices change.
        List<List<Object>> adaBefore = fixture.rows("SELECT * FROM time_space_slices WHERE user_id = 'ada'"
                + " ORDER BY bucket_start, cell");
        List<List<Object>> bobBefore = fixture.rows("SELECT * FROM time_space_slices WHERE user_id = 'bob'"
                + " ORDER BY bucket_start, cell");
        Fixes late = new Fixes().add(0, MONDAY.plusSeconds(1800 + 1802).toEpochMilli(), 46.95, 7.44, Double.NaN,
                Double.NaN);
        fixture.insert("bob", late);
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT * FROM time_space_slices WHERE user_id = 'ada' ORDER BY bucket_start, cell"))
                .isEqualTo(adaBefore);
        assertThat(fixture.rows("SELECT * FROM time_space_slices WHERE user_id = 'bob' ORDER BY bucket_start, cell"))
                .isNotEqualTo(bobBefore);
        assertThat(fixture.count("SELECT sum(n_points) FROM time_space_slices WHERE user_id = 'bob'"))
                .isEqualTo(fixture.count("SELECT count(*) FROM track_points WHERE user_id = 'bob'"));

        List<List<Object>> incremental = fixture.rows(SLICES);
        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(SLICES)).isEqualTo(incremental);
        // Two days, 12 to 14 local hours of data each, several cells an hour while moving.
        assertThat(incremental).hasSizeGreaterThan(2 * 2 * 12);
    }
}
