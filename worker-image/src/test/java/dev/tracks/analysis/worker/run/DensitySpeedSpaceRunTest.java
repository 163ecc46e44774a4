package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * density_structure and speed_space_coupling after the default chain on a real PostgreSQL: incremental runs as the
 * days arrive give exactly what a full recompute gives, the results agree with grid_system's cells, and a late point
 * changes the results of its user only.
 */
class DensitySpeedSpaceRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static void runAll(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(), Skill.DENSITY_STRUCTURE, Skill.SPEED_SPACE_COUPLING);
    }

    private static List<List<Object>> results(RunFixture fixture, String user) throws SQLException {
        List<List<Object>> rows = new ArrayList<>(fixture.rows("SELECT * FROM density_hotspots WHERE user_id LIKE '"
                + user + "' ORDER BY user_id, cell"));
        rows.addAll(fixture.rows("SELECT * FROM speed_space_profiles WHERE user_id LIKE '" + user
                + "' ORDER BY user_id, cell"));
        rows.addAll(fixture.rows("SELECT * FROM speed_home_correlations WHERE user_id LIKE '" + user
                + "' ORDER BY user_id"));
        return rows;
    }

    @Test
    void incrementalRunsEqualAFullRecomputeAndALatePointChangesOnlyItsUser() throws SQLException {
        RunFixture fixture = new RunFixture("density_speed_space", "INSERT INTO user_time_zones (user_id, zone)"
                + " VALUES ('ada', 'Europe/Zurich'), ('bob', 'Europe/Zurich')");
        fixture.insert("ada", ChainRunTest.day(MONDAY, 47.37, 8.54, 1).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(1800), 46.95, 7.44, 2).fixes());
        runAll(fixture, TaskMode.INCREMENTAL);
        fixture.insert("ada", ChainRunTest.day(MONDAY.plusSeconds(86_400), 47.37, 8.54, 3).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(86_400 + 600), 46.95, 7.44, 4).fixes());
        runAll(fixture, TaskMode.INCREMENTAL);
        List<List<Object>> incremental = results(fixture, "%");

        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(incremental);

        // a row per grid_system cell with its fixes and dwell; home is visited on both days
        assertThat(fixture.count("SELECT count(*) FROM density_hotspots d JOIN grid_cells g USING (user_id, cell)"
                + " WHERE d.n_points = g.n_points AND abs(d.dwell_seconds - g.dwell_seconds) < 1e-6"))
                .isEqualTo(fixture.count("SELECT count(*) FROM grid_cells"))
                .isEqualTo(fixture.count("SELECT count(*) FROM density_hotspots"));
        assertThat(fixture.count("SELECT max(days) FROM density_hotspots WHERE user_id = 'ada'")).isEqualTo(2);
        assertThat(fixture.count("SELECT count(*) FROM density_hotspots WHERE gi_hot")).isPositive();
        // the fixes' cells came from the visits: every profiled cell is one of grid_system's
        assertThat(fixture.count("SELECT count(*) FROM speed_space_profiles p LEFT JOIN grid_cells g"
                + " USING (user_id, cell) WHERE g.cell IS NULL")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM speed_space_profiles WHERE n_points >= 10")).isPositive()
                .isEqualTo(fixture.count("SELECT count(*) FROM speed_space_profiles"));
        assertThat(fixture.count("SELECT count(*) FROM speed_home_correlations WHERE n_points > 2"
                + " AND rho IS NOT NULL")).isEqualTo(2);

        // A late fix in the middle of bob's first day, a second after a fix and a little beside it: bob's results
        // change, ada's do not.
        List<List<Object>> adaBefore = results(fixture, "ada");
        List<List<Object>> bobBefore = results(fixture, "bob");
        Fixes bob = fixture.fixesOf("bob");
        int middle = bob.size() / 4;
        fixture.insert("bob", new Fixes().add(1, bob.time(middle) + 1000, bob.lat(middle) + 0.00005,
                bob.lon(middle), Double.NaN, Double.NaN));
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(results(fixture, "ada")).isEqualTo(adaBefore);
        assertThat(results(fixture, "bob")).isNotEqualTo(bobBefore);
        List<List<Object>> afterLate = results(fixture, "%");
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(afterLate);
    }
}
