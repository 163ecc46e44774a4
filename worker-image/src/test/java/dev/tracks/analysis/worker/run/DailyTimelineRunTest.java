package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.skill.FixSelection;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.UserScope;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * streak_detection and time_axis_map after the default chain on a real PostgreSQL, over generated commuting days:
 * incremental runs as days arrive equal a full recompute; a day that arrives late joins the run and changes only its
 * user's rows; the task's {@code fixes} parameter reaches the fixes these per-user skills read.
 */
class DailyTimelineRunTest {

    /** Monday 1 June 2026, 07:00 in Zurich. */
    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");

    private static void runChain(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(), Skill.STREAK_DETECTION, Skill.TIME_AXIS_MAP);
    }

    private static List<List<Object>> streaks(RunFixture fixture, String user) throws SQLException {
        return fixture.rows("SELECT kind, start_date::text, end_date::text, days, zone, zone_source, is_current"
                + " FROM activity_streaks WHERE user_id = '" + user + "' ORDER BY kind, start_date");
    }

    private static List<List<Object>> axis(RunFixture fixture, String user) throws SQLException {
        return fixture.rows("SELECT * FROM time_axis_entries WHERE user_id = '" + user + "' ORDER BY bin_start");
    }

    private static void commute(RunFixture fixture, String user, Instant start, long seed) throws SQLException {
        fixture.insert(user, ChainRunTest.day(start, 47.37, 8.54, seed).fixes());
    }

    /**
     * A user's zone set after the timeline was computed makes that user's day-based results stale: the next
     * incremental run, without a new point, recomputes them in the user's zone; the other user's stay as they were.
     * Deleting a user's zone is noticed the same way: the days go back to the zones at the fixes.
     */
    @Test
    void aUsersZoneSetAfterARunRecomputesThatUserInIt() throws SQLException {
        RunFixture fixture = new RunFixture("zone_change", "INSERT INTO user_time_zones (user_id, zone) VALUES"
                + " ('bob', 'Europe/Zurich')");
        commute(fixture, "ada", MONDAY, 1);
        commute(fixture, "bob", MONDAY, 2);
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(streaks(fixture, "ada")).extracting(row -> row.get(5)).containsOnly("location");
        List<List<Object>> bob = streaks(fixture, "bob");

        fixture.rows("INSERT INTO user_time_zones (user_id, zone) VALUES ('ada', 'Asia/Tokyo') RETURNING zone");
        assertThat(fixture.rows("SELECT reason FROM stale_results WHERE user_id = 'ada'")).isEmpty();
        runChain(fixture, TaskMode.INCREMENTAL);

        assertThat(streaks(fixture, "ada")).extracting(row -> row.get(4) + " " + row.get(5))
                .containsOnly("Asia/Tokyo user");
        assertThat(axis(fixture, "ada")).isNotEmpty().allSatisfy(bin -> assertThat(bin).contains("Asia/Tokyo", "user"));
        assertThat(streaks(fixture, "bob")).isEqualTo(bob);
        assertThat(fixture.rows("SELECT count(*) FROM stale_results")).containsExactly(List.of(0L));

        List<List<Object>> ada = streaks(fixture, "ada");
        fixture.rows("DELETE FROM user_time_zones WHERE user_id = 'bob' RETURNING user_id");
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(streaks(fixture, "bob")).extracting(row -> row.get(4) + " " + row.get(5))
                .containsOnly("Europe/Zurich location");
        assertThat(streaks(fixture, "ada")).isEqualTo(ada);
        assertThat(fixture.rows("SELECT count(*) FROM stale_results")).containsExactly(List.of(0L));
    }

    @Test
    void incrementalEqualsFullAndALateDayJoinsTheRunOfItsUserOnly() throws SQLException {
        RunFixture fixture = new RunFixture("daily_timeline",
                "INSERT INTO user_time_zones (user_id, zone) VALUES ('ada', 'Europe/Zurich'),"
                        + " ('bob', 'Europe/Zurich')");
        commute(fixture, "ada", MONDAY, 1);
        commute(fixture, "bob", MONDAY, 2);
        runChain(fixture, TaskMode.INCREMENTAL);
        commute(fixture, "ada", MONDAY.plus(Duration.ofDays(2)), 3); // Wednesday: Tuesday has nothing
        commute(fixture, "bob", MONDAY.plus(Duration.ofDays(1)), 4);
        runChain(fixture, TaskMode.INCREMENTAL);

        assertThat(streaks(fixture, "ada")).containsExactly(
                List.of("fixes", date(1), date(1), 1, "Europe/Zurich", "user", false),
                List.of("fixes", date(3), date(3), 1, "Europe/Zurich", "user", true),
                List.of("trips", date(1), date(1), 1, "Europe/Zurich", "user", false),
                List.of("trips", date(3), date(3), 1, "Europe/Zurich", "user", true));
        assertThat(streaks(fixture, "bob")).containsExactly(
                List.of("fixes", date(1), date(2), 2, "Europe/Zurich", "user", true),
                List.of("trips", date(1), date(2), 2, "Europe/Zurich", "user", true));
        // Two days of 96 quarter hours each; the first hour is a stay at the location stay_stats holds it in. Two
        // days are too few for trackintel's FREQ filter to name a home: no distance from home.
        assertThat(fixture.count("SELECT count(*) FROM time_axis_entries WHERE user_id = 'bob'")).isEqualTo(192);
        assertThat(fixture.rows("SELECT e.state, e.location_role = l.role FROM time_axis_entries e JOIN locations l"
                + " ON l.user_id = e.user_id AND l.location_id = e.location_id"
                + " WHERE e.user_id = 'bob' AND e.bin_start = '2026-06-01T05:15:00Z'"))
                .containsExactly(List.of("stay", true));
        assertThat(fixture.count("SELECT count(*) FROM locations WHERE role = 'home'")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM time_axis_entries WHERE distance_from_home_m IS NOT NULL"))
                .isZero();
        assertThat(fixture.count("SELECT count(*) FROM time_axis_entries WHERE user_id = 'bob' AND state = 'move'"))
                .isPositive();

        // Ada's Tuesday arrives late: her runs join, Bob's rows stay as they were.
        List<List<Object>> bobStreaks = streaks(fixture, "bob");
        List<List<Object>> bobAxis = axis(fixture, "bob");
        commute(fixture, "ada", MONDAY.plus(Duration.ofDays(1)), 5);
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(streaks(fixture, "ada")).containsExactly(
                List.of("fixes", date(1), date(3), 3, "Europe/Zurich", "user", true),
                List.of("trips", date(1), date(3), 3, "Europe/Zurich", "user", true));
        assertThat(streaks(fixture, "bob")).isEqualTo(bobStreaks);
        assertThat(axis(fixture, "bob")).isEqualTo(bobAxis);
        assertThat(fixture.count("SELECT count(*) FROM time_axis_entries WHERE user_id = 'ada'")).isEqualTo(3 * 96);

        List<List<Object>> incrementalStreaks = fixture.rows("SELECT * FROM activity_streaks"
                + " ORDER BY user_id, kind, start_date");
        List<List<Object>> incrementalAxis = fixture.rows("SELECT * FROM time_axis_entries"
                + " ORDER BY user_id, bin_start");
        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows("SELECT * FROM activity_streaks ORDER BY user_id, kind, start_date"))
                .isEqualTo(incrementalStreaks);
        assertThat(fixture.rows("SELECT * FROM time_axis_entries ORDER BY user_id, bin_start"))
                .isEqualTo(incrementalAxis);

        // The fixes read in portions of any size: the same rows.
        for (Skill skill : List.of(Skill.STREAK_DETECTION, Skill.TIME_AXIS_MAP)) {
            new SkillRun(SkillRegistry.standard(), fixture.database).execute(new RunRequest(skill,
                    TaskMode.FULL_RECOMPUTE, Map.of(), UserScope.all(), 37, null), (progress, last) -> { });
        }
        assertThat(fixture.rows("SELECT * FROM activity_streaks ORDER BY user_id, kind, start_date"))
                .isEqualTo(incrementalStreaks);
        assertThat(fixture.rows("SELECT * FROM time_axis_entries ORDER BY user_id, bin_start"))
                .isEqualTo(incrementalAxis);
    }

    @Test
    void theFixesParameterSelectsTheFixesThePerUserSkillsRead() throws SQLException {
        RunFixture fixture = new RunFixture("daily_timeline_fixes",
                "INSERT INTO user_time_zones (user_id, zone) VALUES ('ada', 'Europe/Zurich')");
        commute(fixture, "ada", MONDAY, 1);
        runChain(fixture, TaskMode.INCREMENTAL);
        long clean = fixture.count("SELECT count(*) FROM time_axis_entries WHERE state = 'move'");
        // Flag every fix of ada's way home (after 17:00 local): outlier detection's say, given by hand.
        fixture.rows("INSERT INTO point_flags (point_id, user_id, recorded_at, reason) SELECT id, user_id,"
                + " recorded_at, 'JUMP' FROM track_points WHERE recorded_at >= '2026-06-01T15:00:00Z'"
                + " AND recorded_at < '2026-06-01T16:00:00Z' RETURNING point_id");

        fixture.run(Skill.TIME_AXIS_MAP, TaskMode.FULL_RECOMPUTE, Map.of());
        long withoutFlagged = fixture.count("SELECT count(*) FROM time_axis_entries WHERE state = 'move'");
        fixture.run(Skill.TIME_AXIS_MAP, TaskMode.FULL_RECOMPUTE, Map.of(FixSelection.PARAM, "ALL"));
        long withAll = fixture.count("SELECT count(*) FROM time_axis_entries WHERE state = 'move'");

        assertThat(withoutFlagged).isLessThan(clean);
        assertThat(withAll).isEqualTo(clean);
    }

    private static String date(int juneDay) {
        return LocalDate.of(2026, 6, juneDay).toString();
    }
}
