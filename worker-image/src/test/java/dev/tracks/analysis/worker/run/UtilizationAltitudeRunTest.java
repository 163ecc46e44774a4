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
 * utilization_efficiency and altitude_dimension after the default chain on a real PostgreSQL: incremental runs as the
 * days arrive give exactly what a full recompute gives, the utilization_metrics view has a row per trip, day and user,
 * and a late point changes the results of its user only.
 */
class UtilizationAltitudeRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static void runAll(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(), Skill.UTILIZATION_EFFICIENCY, Skill.ALTITUDE_DIMENSION);
    }

    /** ChainRunTest's commuter day with altitudes: a slow wave of 40 m around 450 m. */
    private static Fixes day(Instant start, double lat, double lon, long seed) {
        Fixes plain = ChainRunTest.day(start, lat, lon, seed).fixes();
        Fixes withAltitude = new Fixes(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            withAltitude.add(plain.id(i), plain.time(i), plain.lat(i), plain.lon(i), 450 + 40 * Math.sin(i / 300.0),
                    Double.NaN);
        }
        return withAltitude;
    }

    private static List<List<Object>> results(RunFixture fixture, String user) throws SQLException {
        List<List<Object>> rows = new ArrayList<>(fixture.rows("SELECT * FROM utilization_spans WHERE user_id LIKE '"
                + user + "' ORDER BY user_id, scope, started_at, trip_id"));
        rows.addAll(fixture.rows("SELECT * FROM utilization_metrics WHERE user_id LIKE '" + user
                + "' ORDER BY user_id, scope, started_at, scope_id"));
        rows.addAll(fixture.rows("SELECT * FROM altitude_profiles WHERE user_id LIKE '" + user
                + "' ORDER BY user_id, started_at"));
        return rows;
    }

    @Test
    void incrementalRunsEqualAFullRecomputeAndALatePointChangesOnlyItsUser() throws SQLException {
        RunFixture fixture = new RunFixture("utilization_altitude", "INSERT INTO user_time_zones (user_id, zone)"
                + " VALUES ('ada', 'Europe/Zurich'), ('bob', 'Europe/Zurich')");
        fixture.insert("ada", day(MONDAY, 47.37, 8.54, 1));
        fixture.insert("bob", day(MONDAY.plusSeconds(1800), 46.95, 7.44, 2));
        runAll(fixture, TaskMode.INCREMENTAL);
        fixture.insert("ada", day(MONDAY.plusSeconds(86_400), 47.37, 8.54, 3));
        fixture.insert("bob", day(MONDAY.plusSeconds(86_400 + 600), 46.95, 7.44, 4));
        runAll(fixture, TaskMode.INCREMENTAL);
        List<List<Object>> incremental = results(fixture, "%");

        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(incremental);

        assertThat(fixture.rows("SELECT scope, count(*) FROM utilization_metrics WHERE user_id = 'ada'"
                + " GROUP BY scope ORDER BY scope")).containsExactly(List.of("day", 2L), List.of("trip",
                fixture.count("SELECT count(*) FROM trips WHERE user_id = 'ada'")), List.of("user", 1L));
        assertThat(fixture.rows("SELECT zone, zone_source FROM utilization_metrics WHERE user_id = 'ada'"
                + " AND scope = 'day'")).containsOnly(List.of("Europe/Zurich", "user"));
        assertThat(fixture.rows("SELECT * FROM utilization_metrics WHERE moving_share NOT BETWEEN 0 AND 1"
                + " OR straightness NOT BETWEEN 0 AND 1 OR coverage NOT BETWEEN 0 AND 1")).isEmpty();
        assertThat(fixture.count("SELECT count(*) FROM altitude_profiles a JOIN trips t USING (trip_id)"
                + " WHERE a.valid_points = a.n_points AND a.gain_m + a.loss_m > 0 AND a.min_altitude_m >= 410"
                + " AND a.max_altitude_m <= 490 AND a.started_at = t.started_at"))
                .isEqualTo(fixture.count("SELECT count(*) FROM trips"));

        // A late fix in the middle of bob's first day, a second after a fix and where it was: bob's results change
        // (his day has one fix more), ada's do not.
        List<List<Object>> adaBefore = results(fixture, "ada");
        List<List<Object>> bobBefore = results(fixture, "bob");
        Fixes bob = fixture.fixesOf("bob");
        int middle = bob.size() / 4;
        fixture.insert("bob", new Fixes().add(1, bob.time(middle) + 1000, bob.lat(middle), bob.lon(middle), 470,
                Double.NaN));
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(results(fixture, "ada")).isEqualTo(adaBefore);
        assertThat(results(fixture, "bob")).isNotEqualTo(bobBefore);
        List<List<Object>> afterLate = results(fixture, "%");
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(afterLate);
    }
}
