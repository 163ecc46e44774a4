package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * speed_events and extreme_events after the default chain on a real PostgreSQL, over generated commuter days: the
 * train is the one fast event and lies in the day's first trip; a late point changes only its user's results; runs as
 * the data arrives equal a full recompute.
 */
class EventSkillsRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    /** The commuter's train runs at 110 km/h, the car at 50 km/h. */
    private static final Map<String, Object> SPEED = Map.of("speedThresholdKmh", 100);

    private static void runAll(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(Skill.SPEED_EVENTS, SPEED), Skill.SPEED_EVENTS, Skill.EXTREME_EVENTS);
    }

    private static List<List<Object>> speedEvents(RunFixture fixture, String user) throws SQLException {
        return fixture.rows("SELECT * FROM speed_events WHERE user_id = '" + user + "' ORDER BY started_at");
    }

    private static List<List<Object>> extremeEvents(RunFixture fixture, String user) throws SQLException {
        return fixture.rows("SELECT * FROM extreme_events WHERE user_id = '" + user + "' ORDER BY kind");
    }

    @Test
    void theTrainIsTheFastEventAndIncrementalRunsWithALatePointEqualAFullRecompute() throws SQLException {
        RunFixture fixture = new RunFixture("event_skills");
        SyntheticTrack ada = ChainRunTest.day(MONDAY, 47.37, 8.54, 1);
        SyntheticTrack bob = ChainRunTest.day(MONDAY.plusSeconds(1800), 46.95, 7.44, 2);
        fixture.insert("ada", ada.fixes());
        fixture.insert("bob", bob.fixes());
        runAll(fixture, TaskMode.INCREMENTAL);

        SyntheticTrack.Leg train = ada.legs().get(1);
        List<List<Object>> events = fixture.rows("SELECT kind, started_at, finished_at, max_speed_kmh, trip_id,"
                + " n_points FROM speed_events WHERE user_id = 'ada'");
        assertThat(events).hasSize(1);
        List<Object> event = events.get(0);
        assertThat(event.get(0)).isEqualTo("fast");
        int trainFixes = train.lastFix() - train.firstFix() + 1;
        assertThat(((Instant) event.get(1)).toEpochMilli()).isEqualTo(train.startMillis());
        // 12 km take 392.7 s: the step from the train's last fix (at 390 s) to the stay's first is slow
        assertThat(Duration.between((Instant) event.get(1), (Instant) event.get(2)).toMillis()).isEqualTo(390_000);
        assertThat((double) event.get(3)).isCloseTo(110, within(10.0));
        Object tripOfTrain = fixture.rows("SELECT trip_id FROM trips WHERE user_id = 'ada' AND started_at <= '"
                + Instant.ofEpochMilli(train.startMillis()) + "' AND finished_at >= '"
                + Instant.ofEpochMilli(train.startMillis()) + "'").get(0).get(0);
        assertThat(event.get(4)).isEqualTo(tripOfTrain);
        assertThat(event.get(5)).isEqualTo(trainFixes);

        List<List<Object>> records = fixture.rows("SELECT kind, value, unit FROM extreme_events"
                + " WHERE user_id = 'ada' ORDER BY kind");
        assertThat(records).extracting(row -> row.get(0)).containsExactly("farthest_from_home", "longest_gap",
                "longest_jump", "longest_trip_distance", "longest_trip_duration", "max_speed");
        // home is where the day starts and ends; work is 12.6 km east and 0.6 km north of it
        assertThat((double) records.get(0).get(1)).isCloseTo(12_800, within(600.0));

        // Two points arrive late for ada: one on the train line between two fixes, and one at home a day before the
        // data (far from home it would be a drift outlier). They change ada's results, and only hers.
        List<List<Object>> bobBefore = speedEvents(fixture, "bob");
        List<List<Object>> bobRecordsBefore = extremeEvents(fixture, "bob");
        Fixes fixes = ada.fixes();
        int onTrain = train.firstFix() + 20;
        Fixes late = new Fixes()
                .add(0, fixes.time(onTrain) + 2_500, (fixes.lat(onTrain) + fixes.lat(onTrain + 1)) / 2,
                        (fixes.lon(onTrain) + fixes.lon(onTrain + 1)) / 2, Double.NaN, Double.NaN)
                .add(0, MONDAY.minus(Duration.ofDays(1)).toEpochMilli(), 47.37, 8.54, Double.NaN, Double.NaN);
        fixture.insert("ada", late);
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(speedEvents(fixture, "bob")).isEqualTo(bobBefore);
        assertThat(extremeEvents(fixture, "bob")).isEqualTo(bobRecordsBefore);
        assertThat(fixture.rows("SELECT n_points FROM speed_events WHERE user_id = 'ada'"))
                .containsExactly(List.of(trainFixes + 1));
        assertThat(fixture.rows("SELECT value, occurred_at FROM extreme_events WHERE user_id = 'ada'"
                + " AND kind = 'longest_gap'")).containsExactly(List.of(86_400.0, MONDAY.minus(Duration.ofDays(1))));

        // The next day arrives; then the whole history is recomputed: nothing may differ.
        fixture.insert("ada", ChainRunTest.day(Instant.ofEpochMilli(ada.nowMillis()).plusSeconds(8 * 3600),
                ada.lat(), ada.lon(), 3).fixes());
        fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(86_400), 46.95, 7.44, 4).fixes());
        runAll(fixture, TaskMode.INCREMENTAL);
        List<List<Object>> incremental = fixture.rows("SELECT * FROM speed_events ORDER BY user_id, started_at");
        List<List<Object>> incrementalRecords = fixture.rows("SELECT * FROM extreme_events ORDER BY user_id, kind");

        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows("SELECT * FROM speed_events ORDER BY user_id, started_at")).isEqualTo(incremental);
        assertThat(fixture.rows("SELECT * FROM extreme_events ORDER BY user_id, kind")).isEqualTo(incrementalRecords);
        assertThat(incremental).hasSizeGreaterThanOrEqualTo(4);
        assertThat(incrementalRecords).hasSize(12);
    }
}
