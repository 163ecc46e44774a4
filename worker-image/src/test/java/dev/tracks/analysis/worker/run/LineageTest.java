package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.UserScope;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lineage on a real PostgreSQL: when a skill's results for a user change under results other skills built on them
 * (other parameters, late points, a full recompute), exactly the users whose results changed are recomputed downstream
 * by the next incremental runs, and the outcome equals a full recompute.
 */
class LineageTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static final Map<String, Object> NARROW_STAYS = Map.of("distThresholdMeters", 40);
    /** The skills of the default chain that build on stay_detection, directly or not. */
    private static final Set<String> BUILT_ON_STAYS = Set.of("trip_construction", "footprint_stats", "stay_stats",
            "rendering_metadata");

    /**
     * Ada walks into her stays, so how near a fix must be to start a stay moves her stays' starts; Dan drives at
     * 200 km/h between stays, 278 m between fixes, so a 40 m or a 100 m threshold finds the same stays.
     */
    private static RunFixture twoDaysOfAdaAndDan(String name) throws SQLException {
        RunFixture fixture = new RunFixture(name);
        SyntheticTrack ada = ChainRunTest.day(MONDAY, 47.37, 8.54, 1);
        fixture.insert("ada", ada.fixes());
        fixture.insert("ada", ChainRunTest.day(Instant.ofEpochMilli(ada.nowMillis()).plusSeconds(8 * 3600),
                ada.lat(), ada.lon(), 3).fixes());
        SyntheticTrack dan = driver(MONDAY.plusSeconds(600), 46.95, 7.44, 2);
        fixture.insert("dan", dan.fixes());
        fixture.insert("dan", driver(Instant.ofEpochMilli(dan.nowMillis()).plusSeconds(8 * 3600), dan.lat(),
                dan.lon(), 4).fixes());
        return fixture;
    }

    private static SyntheticTrack driver(Instant start, double lat, double lon, long seed) {
        return SyntheticTrack.startingAt(start, lat, lon, seed)
                .sampleEvery(Duration.ofSeconds(5))
                .stay(Duration.ofMinutes(60), 2)
                .move(0, 20_000, 200)
                .stay(Duration.ofHours(8), 2)
                .move(180, 20_000, 200)
                .stay(Duration.ofMinutes(90), 2);
    }

    @Test
    void aRerunOfStayDetectionWithAnotherDistanceRecomputesDownstreamExactlyTheUsersWhoseStaysChanged()
            throws SQLException {
        RunFixture fixture = twoDaysOfAdaAndDan("lineage_parameters");
        UUID first = UUID.randomUUID();
        runChain(fixture, TaskMode.INCREMENTAL, Map.of(), first);
        List<List<Object>> staysBefore = fixture.rows("SELECT * FROM stays ORDER BY stay_id");
        Map<String, List<List<Object>>> resultsBefore = ChainRunTest.results(fixture);

        UUID second = UUID.randomUUID();
        Map<Skill, Map<String, Object>> narrow = Map.of(Skill.STAY_DETECTION, NARROW_STAYS);
        run(fixture, Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of(), second);
        run(fixture, Skill.TRANSPORT_MODE, TaskMode.INCREMENTAL, Map.of(), second);
        // No new point, yet the dry run counts every point of every user for the new distance, none for the old.
        long allPoints = fixture.count("SELECT count(*) FROM track_points");
        assertThat(count(fixture, Skill.STAY_DETECTION, NARROW_STAYS)).isEqualTo(allPoints);
        assertThat(count(fixture, Skill.STAY_DETECTION, Map.of())).isZero();
        assertThat(count(fixture, Skill.TRIP_CONSTRUCTION, Map.of())).isZero();

        run(fixture, Skill.STAY_DETECTION, TaskMode.INCREMENTAL, NARROW_STAYS, second);
        Set<String> changed = usersWhoseRowsDiffer(staysBefore, fixture.rows("SELECT * FROM stays ORDER BY stay_id"));
        assertThat(changed).containsExactly("ada");
        assertThat(staleUsers(fixture)).containsExactlyInAnyOrderElementsOf(
                BUILT_ON_STAYS.stream().map(skill -> skill + " ada stay_detection parameters_changed").toList());
        // The dry run of a dependent counts the stale user's points, only theirs.
        assertThat(count(fixture, Skill.TRIP_CONSTRUCTION, Map.of()))
                .isEqualTo(fixture.count("SELECT count(*) FROM track_points WHERE user_id = 'ada'"));

        for (Skill skill : SkillCatalog.DEFAULT_CHAIN.subList(3, SkillCatalog.DEFAULT_CHAIN.size())) {
            run(fixture, skill, TaskMode.INCREMENTAL, Map.of(), second);
        }
        assertThat(staleUsers(fixture)).isEmpty();
        assertThat(lastRunOf(fixture, "stay_detection")).containsEntry("ada", second).containsEntry("dan", second);
        for (String skill : List.of("trip_construction", "stay_stats", "footprint_stats")) {
            assertThat(lastRunOf(fixture, skill)).as(skill).containsEntry("ada", second).containsEntry("dan", first);
        }
        Map<String, List<List<Object>>> incremental = ChainRunTest.results(fixture);
        for (String table : List.of("trips", "triplegs", "locations", "footprints", "rendering_geometries")) {
            assertThat(rowsOf(incremental.get(table), "dan")).as(table)
                    .isEqualTo(rowsOf(resultsBefore.get(table), "dan"));
        }
        assertThat(rowsOf(incremental.get("trips"), "ada")).isNotEqualTo(rowsOf(resultsBefore.get("trips"), "ada"));

        runChain(fixture, TaskMode.FULL_RECOMPUTE, narrow, UUID.randomUUID());
        Map<String, List<List<Object>>> recomputed = ChainRunTest.results(fixture);
        for (String table : recomputed.keySet()) {
            assertThat(incremental.get(table)).as(table).isEqualTo(recomputed.get(table));
        }
        assertThat(staleUsers(fixture)).as("a full recompute that changes nothing marks nothing").isEmpty();
    }

    @Test
    void latePointsThatChangeStaysMarkWhatWasBuiltOnThemInTheSameRun() throws SQLException {
        RunFixture fixture = twoDaysOfAdaAndDan("lineage_late");
        runChain(fixture, TaskMode.INCREMENTAL, Map.of(), UUID.randomUUID());
        List<List<Object>> staysBefore = fixture.rows("SELECT * FROM stays ORDER BY stay_id");
        // Ada's phone uploads the night late: she stayed home, the fixes fill the gap between the two days.
        SyntheticTrack firstDay = ChainRunTest.day(MONDAY, 47.37, 8.54, 1);
        fixture.insert("ada", SyntheticTrack.startingAt(Instant.ofEpochMilli(firstDay.nowMillis()), firstDay.lat(),
                firstDay.lon(), 9).sampleEvery(Duration.ofMinutes(1)).stay(Duration.ofHours(8).minusMinutes(1), 8)
                .fixes());

        UUID late = UUID.randomUUID();
        run(fixture, Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of(), late);
        assertThat(fixture.count("SELECT count(*) FROM point_flags")).isZero();
        assertThat(staleUsers(fixture)).as("outlier detection found the same (no) flags: nothing changed").isEmpty();
        run(fixture, Skill.STAY_DETECTION, TaskMode.INCREMENTAL, Map.of(), late);
        assertThat(usersWhoseRowsDiffer(staysBefore, fixture.rows("SELECT * FROM stays ORDER BY stay_id")))
                .containsExactly("ada");
        assertThat(staleUsers(fixture)).containsExactlyInAnyOrderElementsOf(
                BUILT_ON_STAYS.stream().map(skill -> skill + " ada stay_detection late_points").toList());
        assertThat(fixture.rows("SELECT DISTINCT task_uid FROM stale_results")).containsExactly(List.of(late));

        runChain(fixture, TaskMode.INCREMENTAL, Map.of(), UUID.randomUUID());
        assertThat(staleUsers(fixture)).isEmpty();
        Map<String, List<List<Object>>> incremental = ChainRunTest.results(fixture);
        runChain(fixture, TaskMode.FULL_RECOMPUTE, Map.of(), UUID.randomUUID());
        Map<String, List<List<Object>>> recomputed = ChainRunTest.results(fixture);
        for (String table : recomputed.keySet()) {
            assertThat(incremental.get(table)).as(table).isEqualTo(recomputed.get(table));
        }
    }

    @Test
    void aFullRecomputeThatChangesAUsersStaysMarksThatUsersDependents() throws SQLException {
        RunFixture fixture = twoDaysOfAdaAndDan("lineage_full");
        runChain(fixture, TaskMode.INCREMENTAL, Map.of(), UUID.randomUUID());
        run(fixture, Skill.STAY_DETECTION, TaskMode.FULL_RECOMPUTE, NARROW_STAYS, UUID.randomUUID());
        assertThat(staleUsers(fixture)).containsExactlyInAnyOrderElementsOf(
                BUILT_ON_STAYS.stream().map(skill -> skill + " ada stay_detection full_recompute").toList());
        // The next incremental run of stay_detection itself has nothing to do: the watermarks carry the new hash.
        assertThat(count(fixture, Skill.STAY_DETECTION, NARROW_STAYS)).isZero();

        runChain(fixture, TaskMode.INCREMENTAL, Map.of(Skill.STAY_DETECTION, NARROW_STAYS), UUID.randomUUID());
        assertThat(staleUsers(fixture)).isEmpty();
        Map<String, List<List<Object>>> incremental = ChainRunTest.results(fixture);
        runChain(fixture, TaskMode.FULL_RECOMPUTE, Map.of(Skill.STAY_DETECTION, NARROW_STAYS), UUID.randomUUID());
        assertThat(ChainRunTest.results(fixture)).isEqualTo(incremental);
    }

    @Test
    void aPerUserSkillRerunWithOtherParametersRecomputesEveryUserAndEqualsAFullRecompute() throws SQLException {
        RunFixture fixture = twoDaysOfAdaAndDan("lineage_per_user");
        runChain(fixture, TaskMode.INCREMENTAL, Map.of(), UUID.randomUUID());
        Map<String, Object> wide = Map.of("epsilonMeters", 2000);
        assertThat(count(fixture, Skill.STAY_STATS, Map.of())).isZero();
        assertThat(count(fixture, Skill.STAY_STATS, wide))
                .isEqualTo(fixture.count("SELECT count(*) FROM track_points"));
        List<List<Object>> narrowLocations = fixture.rows("SELECT * FROM locations ORDER BY user_id, location_id");

        UUID rerun = UUID.randomUUID();
        run(fixture, Skill.STAY_STATS, TaskMode.INCREMENTAL, wide, rerun);
        assertThat(lastRunOf(fixture, "stay_stats")).containsEntry("ada", rerun).containsEntry("dan", rerun);
        assertThat(count(fixture, Skill.STAY_STATS, wide)).isZero();
        List<List<Object>> wideLocations = fixture.rows("SELECT * FROM locations ORDER BY user_id, location_id");
        assertThat(wideLocations).isNotEqualTo(narrowLocations);
        run(fixture, Skill.STAY_STATS, TaskMode.FULL_RECOMPUTE, wide, UUID.randomUUID());
        assertThat(fixture.rows("SELECT * FROM locations ORDER BY user_id, location_id")).isEqualTo(wideLocations);
    }

    private static void runChain(RunFixture fixture, TaskMode mode, Map<Skill, Map<String, Object>> params,
                                 UUID task) throws SQLException {
        for (Skill skill : SkillCatalog.DEFAULT_CHAIN) {
            run(fixture, skill, mode, params.getOrDefault(skill, Map.of()), task);
        }
    }

    private static void run(RunFixture fixture, Skill skill, TaskMode mode, Map<String, Object> params, UUID task)
            throws SQLException {
        new SkillRun(SkillRegistry.standard(), fixture.database)
                .execute(new RunRequest(skill, mode, params, UserScope.all(), 700, task), (progress, last) -> { });
    }

    /** The dry run of an incremental run. */
    private static long count(RunFixture fixture, Skill skill, Map<String, Object> params) throws SQLException {
        return new SkillRun(SkillRegistry.standard(), fixture.database)
                .count(new RunRequest(skill, TaskMode.INCREMENTAL, params, UserScope.all(), 700, null));
    }

    /** Each stale mark as "skill user cause reason". */
    private static List<String> staleUsers(RunFixture fixture) throws SQLException {
        return fixture.rows("SELECT skill_name || ' ' || user_id || ' ' || cause_skill || ' ' || reason"
                + " FROM stale_results ORDER BY 1").stream().map(row -> (String) row.get(0)).toList();
    }

    /** The task that last wrote each user's watermark of the skill. */
    private static Map<String, UUID> lastRunOf(RunFixture fixture, String skill) throws SQLException {
        Map<String, UUID> tasks = new HashMap<>();
        for (List<Object> row : fixture.rows("SELECT user_id, task_uid FROM skill_watermarks WHERE skill_name = '"
                + skill + "'")) {
            tasks.put((String) row.get(0), (UUID) row.get(1));
        }
        return tasks;
    }

    private static Set<String> usersWhoseRowsDiffer(List<List<Object>> before, List<List<Object>> after) {
        Set<String> users = new TreeSet<>();
        for (String user : List.of("ada", "dan")) {
            if (!rowsOf(before, user).equals(rowsOf(after, user))) {
                users.add(user);
            }
        }
        return users;
    }

    /** The rows that name the user (every result table has user_id). */
    private static List<List<Object>> rowsOf(List<List<Object>> rows, String user) {
        return rows.stream().filter(row -> row.contains(user)).toList();
    }
}
