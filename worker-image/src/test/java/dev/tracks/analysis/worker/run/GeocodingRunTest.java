package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.geocoding.AdminSquares;
import dev.tracks.analysis.worker.track.Fixes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * geocoding on a real PostgreSQL after outlier_detection, over generated squares loaded with the reference core's
 * loader: runs that cover every clean fix once per level, the load id in every row, late points that change only
 * their user's runs, incremental runs as the data arrives equal to a full recompute, and the failure without data.
 */
class GeocodingRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static final String RUNS = "SELECT * FROM admin_visits ORDER BY user_id, started_at, level, first_point_id";

    private static void runChain(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.run(Skill.OUTLIER_DETECTION, mode, Map.of());
        fixture.run(Skill.GEOCODING, mode, Map.of());
    }

    @Test
    void runsCoverEveryFixPerLevelLatePointsChangeOnlyTheirUserAndIncrementalEqualsFullRecompute(
            @TempDir Path directory) throws Exception {
        RunFixture fixture = new RunFixture("geocoding_run");
        long loadId;
        try (Connection db = fixture.dataSource.getConnection()) {
            loadId = AdminSquares.load(db, directory);
        }
        // Ada's days go east from her home in the west square across the border and back; Bob lives in the east.
        fixture.insert("ada", ChainRunTest.day(MONDAY, 47.5, 8.5, 1).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(1800), 47.5, 9.0, 2).fixes());
        runChain(fixture, TaskMode.INCREMENTAL);
        fixture.insert("ada", ChainRunTest.day(MONDAY.plusSeconds(86_400), 47.5, 8.5, 3).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(86_400), 47.5, 9.0, 4).fixes());
        runChain(fixture, TaskMode.INCREMENTAL);

        assertThat(fixture.rows("SELECT DISTINCT reference_load_id FROM admin_visits")).containsExactly(
                List.of(loadId));
        assertThat(fixture.rows("SELECT user_id, level, sum(n_points) FROM admin_visits GROUP BY user_id, level"
                + " ORDER BY user_id, level")).containsExactly(
                List.of("ada", 0, clean(fixture, "ada")), List.of("ada", 1, clean(fixture, "ada")),
                List.of("bob", 0, clean(fixture, "bob")), List.of("bob", 1, clean(fixture, "bob")));
        // Ada crosses into the east square and back each day; Bob never leaves it.
        assertThat(fixture.count("SELECT count(*) FROM admin_visits WHERE user_id = 'ada' AND code = 'XC-E'"))
                .isEqualTo(2);
        assertThat(fixture.rows("SELECT DISTINCT code, name FROM admin_visits WHERE user_id = 'bob' AND level = 1"))
                .containsExactly(List.of("XC-E", "East"));
        assertThat(fixture.count("SELECT count(*) FROM admin_visits WHERE finished_at < last_fix_at")).isZero();

        // A late fix of Bob's in his first morning: only Bob's runs change.
        List<List<Object>> adaBefore = fixture.rows("SELECT * FROM admin_visits WHERE user_id = 'ada'"
                + " ORDER BY started_at, level");
        fixture.insert("bob", new Fixes().add(0, MONDAY.plusSeconds(1800 + 1802).toEpochMilli(), 47.5, 9.0001,
                Double.NaN, Double.NaN));
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT * FROM admin_visits WHERE user_id = 'ada' ORDER BY started_at, level"))
                .isEqualTo(adaBefore);
        assertThat(fixture.count("SELECT sum(n_points) FROM admin_visits WHERE user_id = 'bob' AND level = 0"))
                .isEqualTo(clean(fixture, "bob"));

        List<List<Object>> incremental = fixture.rows(RUNS);
        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(RUNS)).isEqualTo(incremental);
    }

    @Test
    void withoutAdminDataTheTaskFailsNotRetryablySayingHowToLoadSome() throws SQLException {
        RunFixture fixture = new RunFixture("geocoding_no_data");
        fixture.insert("ada", ChainRunTest.day(MONDAY, 47.5, 8.5, 1).fixes());
        fixture.run(Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of());

        assertThatThrownBy(() -> fixture.run(Skill.GEOCODING, TaskMode.INCREMENTAL, Map.of()))
                .isInstanceOfSatisfying(WorkerFailure.class, failure -> assertThat(failure.exitCode())
                        .isEqualTo(WorkerFailure.notRetryable("x").exitCode()))
                .hasMessageContaining("no admin areas loaded: run `tracks-worker reference load admin");
        assertThat(fixture.count("SELECT count(*) FROM admin_visits")).isZero();
    }

    @Test
    void levelsAboveTheLoadsAreSkippedAndALoadWithNoneUpToMaxAdminLevelFailsTheTask(@TempDir Path directory)
            throws Exception {
        RunFixture fixture = new RunFixture("geocoding_levels");
        try (Connection db = fixture.dataSource.getConnection()) {
            AdminSquares.load(db, directory);
        }
        fixture.insert("ada", ChainRunTest.day(MONDAY, 47.5, 8.5, 1).fixes());
        fixture.run(Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of());
        fixture.run(Skill.GEOCODING, TaskMode.INCREMENTAL, Map.of("maxAdminLevel", 0));
        assertThat(fixture.rows("SELECT DISTINCT level, code FROM admin_visits")).containsExactly(List.of(0, "XC"));

        // The same squares again, every one at level 2 (other options: a new load, now the active one).
        try (Connection db = fixture.dataSource.getConnection()) {
            AdminAreaLoad.load(db, directory.resolve("squares.geojson"), new AdminOptions("code", "name",
                    List.of("country"), 2, null), "generated squares at level 2");
        }
        assertThatThrownBy(() -> fixture.run(Skill.GEOCODING, TaskMode.FULL_RECOMPUTE, Map.of()))
                .isInstanceOf(WorkerFailure.class).hasMessageContaining("maxAdminLevel: the active admin load")
                .hasMessageContaining("has no areas at levels 0 to 1, only at levels [2]");
        assertThat(fixture.rows("SELECT DISTINCT level, code FROM admin_visits")).containsExactly(List.of(0, "XC"));
    }

    /**
     * A new active admin load makes every user's runs stale: the next incremental run, without a new point,
     * recomputes them on it (codes named by the new load), equal to a full recompute; so does going back to the
     * first load.
     */
    @Test
    void aNewAdminLoadRecomputesEveryUserOnIt(@TempDir Path directory) throws Exception {
        RunFixture fixture = new RunFixture("geocoding_reload");
        long first;
        try (Connection db = fixture.dataSource.getConnection()) {
            first = AdminSquares.load(db, directory);
        }
        fixture.insert("ada", ChainRunTest.day(MONDAY, 47.5, 8.5, 1).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(1800), 47.5, 9.0, 2).fixes());
        runChain(fixture, TaskMode.INCREMENTAL);
        List<List<Object>> onFirst = fixture.rows(RUNS);

        long second;
        try (Connection db = fixture.dataSource.getConnection()) {
            // The same squares, coded by their names: a second load, now the active one.
            second = AdminAreaLoad.load(db, directory.resolve("squares.geojson"), new AdminOptions("name", "name",
                    List.of("country"), 1, "level"), "squares coded by name").load().id();
        }
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT DISTINCT reference_load_id FROM admin_visits")).containsExactly(
                List.of(second));
        assertThat(fixture.rows("SELECT DISTINCT code FROM admin_visits WHERE user_id = 'bob' ORDER BY code"))
                .containsExactly(List.of("East"), List.of("Xland"));
        assertThat(fixture.count("SELECT count(*) FROM stale_results")).isZero();
        List<List<Object>> incremental = fixture.rows(RUNS);
        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(RUNS)).isEqualTo(incremental);

        try (Connection db = fixture.dataSource.getConnection()) {
            assertThat(AdminSquares.load(db, directory)).as("the first load, reactivated").isEqualTo(first);
        }
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows(RUNS)).isEqualTo(onFirst);
    }

    private static long clean(RunFixture fixture, String userId) throws SQLException {
        return fixture.count("SELECT count(*) FROM track_points p WHERE user_id = '" + userId + "' AND NOT EXISTS"
                + " (SELECT 1 FROM point_flags f WHERE f.point_id = p.id)");
    }
}
