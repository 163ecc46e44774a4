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
 * time_space_compression after the default chain on a real PostgreSQL: incremental runs as the days arrive give
 * exactly what a full recompute gives, in both tables; every trip has a row per method whose counts match its
 * compressed fixes; and a late point changes the results of its user only.
 */
class TimeSpaceCompressionRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static void runAll(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(Skill.TIME_SPACE_COMPRESSION, Map.of("spatialRadiusMeters", 30)),
                Skill.TIME_SPACE_COMPRESSION);
    }

    private static Fixes day(Instant start, double lat, double lon, long seed) {
        return ChainRunTest.day(start, lat, lon, seed).fixes();
    }

    private static List<List<Object>> results(RunFixture fixture, String user) throws SQLException {
        List<List<Object>> rows = new ArrayList<>(fixture.rows("SELECT * FROM compressed_tracks WHERE user_id LIKE '"
                + user + "' ORDER BY user_id, started_at, method"));
        rows.addAll(fixture.rows("SELECT * FROM compressed_fixes WHERE user_id LIKE '" + user
                + "' ORDER BY user_id, started_at, method, seq"));
        return rows;
    }

    @Test
    void incrementalRunsEqualAFullRecomputeAndALatePointChangesOnlyItsUser() throws SQLException {
        RunFixture fixture = new RunFixture("time_space_compression");
        fixture.insert("ada", day(MONDAY, 47.37, 8.54, 1));
        fixture.insert("bob", day(MONDAY.plusSeconds(1800), 46.95, 7.44, 2));
        runAll(fixture, TaskMode.INCREMENTAL);
        fixture.insert("ada", day(MONDAY.plusSeconds(86_400), 47.37, 8.54, 3));
        fixture.insert("bob", day(MONDAY.plusSeconds(86_400 + 600), 46.95, 7.44, 4));
        runAll(fixture, TaskMode.INCREMENTAL);
        List<List<Object>> incremental = results(fixture, "%");

        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(incremental);

        long trips = fixture.count("SELECT count(*) FROM trips");
        assertThat(trips).isGreaterThanOrEqualTo(4);
        assertThat(fixture.count("SELECT count(*) FROM compressed_tracks c JOIN trips t USING (user_id, trip_id)"
                + " WHERE c.started_at = t.started_at AND c.finished_at = t.finished_at AND c.tolerance_m = 30"))
                .isEqualTo(3 * trips);
        // The line simplifications drop fixes on every trip; the radius filter keeps every fix of a drive whose
        // fixes are more than 30 m apart.
        assertThat(fixture.count("SELECT count(*) FROM compressed_tracks WHERE method <> 'SKMOB_RADIUS'"
                + " AND fixes_out < fixes_in")).isEqualTo(2 * trips);
        assertThat(fixture.rows("SELECT c.trip_id, c.method FROM compressed_tracks c WHERE fixes_out <> (SELECT"
                + " count(*) FROM compressed_fixes f WHERE f.trip_id = c.trip_id AND f.method = c.method)")).isEmpty();
        assertThat(fixture.count("SELECT count(*) FROM compressed_tracks WHERE method = 'TD_TR'"
                + " AND max_sed_m > 30")).isZero();

        // A late fix in the middle of bob's first trip, a second after a fix and where it was: that trip has one
        // fix more, ada's results do not change.
        List<List<Object>> adaBefore = results(fixture, "ada");
        List<List<Object>> bobBefore = results(fixture, "bob");
        Fixes bob = fixture.fixesOf("bob");
        Number tripMiddle = (Number) fixture.rows("SELECT extract(epoch FROM started_at + (finished_at - started_at)"
                + " / 2) * 1000 FROM trips WHERE user_id = 'bob' ORDER BY started_at LIMIT 1").get(0).get(0);
        int middle = bob.firstAtOrAfter(0, tripMiddle.longValue());
        fixture.insert("bob", new Fixes().add(1, bob.time(middle) + 1000, bob.lat(middle), bob.lon(middle), Double.NaN,
                Double.NaN));
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(results(fixture, "ada")).isEqualTo(adaBefore);
        assertThat(results(fixture, "bob")).isNotEqualTo(bobBefore);
        List<List<Object>> afterLate = results(fixture, "%");
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(afterLate);
    }
}
