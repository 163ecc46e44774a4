package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * spatial_complexity and directional_bias after the default chain on a real PostgreSQL: incremental runs as the days
 * arrive give exactly what a full recompute gives, every trip has a row of each, and a late point changes the results
 * of its user only.
 */
class SpatialShapeRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static void runAll(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(), Skill.SPATIAL_COMPLEXITY, Skill.DIRECTIONAL_BIAS);
    }

    private static List<List<Object>> results(RunFixture fixture, String user) throws SQLException {
        List<List<Object>> rows = new ArrayList<>(fixture.rows("SELECT * FROM complexity_metrics WHERE user_id LIKE '"
                + user + "' ORDER BY user_id, started_at"));
        rows.addAll(fixture.rows("SELECT * FROM directional_metrics WHERE user_id LIKE '" + user
                + "' ORDER BY user_id, trip_id NULLS FIRST"));
        return rows;
    }

    @Test
    void incrementalRunsEqualAFullRecomputeAndALatePointChangesOnlyItsUser() throws SQLException {
        RunFixture fixture = new RunFixture("spatial_shape");
        fixture.insert("ada", ChainRunTest.day(MONDAY, 47.37, 8.54, 1).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(1800), 46.95, 7.44, 2).fixes());
        runAll(fixture, TaskMode.INCREMENTAL);
        fixture.insert("ada", ChainRunTest.day(MONDAY.plusSeconds(86_400), 47.37, 8.54, 3).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(86_400 + 600), 46.95, 7.44, 4).fixes());
        runAll(fixture, TaskMode.INCREMENTAL);
        List<List<Object>> incremental = results(fixture, "%");

        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(incremental);

        long trips = fixture.count("SELECT count(*) FROM trips");
        assertThat(trips).isPositive();
        assertThat(fixture.count("SELECT count(*) FROM complexity_metrics c JOIN trips t USING (user_id, trip_id)"
                + " WHERE c.started_at = t.started_at")).isEqualTo(trips);
        // The commutes measure in full; the drive home on day 2 is a generated straight line (E_max infinite:
        // null, "straight"); the trip still open at the end of the data (the last stay has not lasted long enough
        // to be one, so its jitter is the trip) never gets 50 m from its first fix.
        assertThat(fixture.rows("SELECT note, count(*), bool_and(sinuosity >= 0 AND fractal_dimension BETWEEN 1 AND 2"
                + " AND (e_max > 0 OR note = 'straight')) FROM complexity_metrics WHERE n_steps >= 2 GROUP BY note"
                + " ORDER BY note NULLS FIRST")).containsExactly(Arrays.asList(null, trips - 4, true),
                List.of("straight", 2L, true));
        assertThat(fixture.rows("SELECT user_id, n_steps <= 1, note, destination_stay_id IS NULL"
                + " FROM complexity_metrics JOIN trips USING (user_id, trip_id) WHERE n_steps < 2 ORDER BY user_id"))
                .containsExactly(List.of("ada", true, "too_few_steps,too_short_for_fractal", true),
                        List.of("bob", true, "too_few_steps,too_short_for_fractal", true));
        assertThat(fixture.count("SELECT count(*) FROM directional_metrics WHERE scope = 'trip'")).isEqualTo(trips);
        assertThat(fixture.rows("SELECT user_id, n_steps > 0, resultant_length BETWEEN 0 AND 1 FROM directional_metrics"
                + " WHERE scope = 'user' ORDER BY user_id"))
                .containsExactly(List.of("ada", true, true), List.of("bob", true, true));
        assertThat(fixture.count("SELECT count(*) FROM directional_metrics WHERE abs(n_m + ne_m + e_m + se_m + s_m"
                + " + sw_m + w_m + nw_m - distance_m) > 1e-6")).isZero();

        // A late fix in the middle of bob's first day, a second after a fix and 30 m north of it: bob's results
        // change, ada's do not.
        List<List<Object>> adaBefore = results(fixture, "ada");
        List<List<Object>> bobBefore = results(fixture, "bob");
        Fixes bob = fixture.fixesOf("bob");
        int middle = bob.size() / 4;
        fixture.insert("bob", new Fixes().add(1, bob.time(middle) + 1000, bob.lat(middle) + 0.0003,
                bob.lon(middle), Double.NaN, Double.NaN));
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(results(fixture, "ada")).isEqualTo(adaBefore);
        assertThat(results(fixture, "bob")).isNotEqualTo(bobBefore);
        List<List<Object>> afterLate = results(fixture, "%");
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(afterLate);
    }
}
