package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.skill.FixSelection;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.stay.StayParameters;
import dev.tracks.analysis.worker.stay.TrackintelSliding;
import dev.tracks.analysis.worker.store.UserScope;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fixes: ALL} makes a skill that reads clean fixes read every fix, as trackintel does: on a day whose stays
 * carry drift fixes, stay_detection then finds exactly the stays of trackintel's sliding loop over all fixes, while
 * the default (clean fixes) keeps each stay whole.
 */
class AllFixesTest {

    private static final Instant MORNING = Instant.parse("2026-06-01T06:00:00Z");

    /** Two long stays, each with fixes scattered 120 m away (drift beyond the 100 m stay radius), and a walk. */
    private static SyntheticTrack driftingDay() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 7).sampleEvery(Duration.ofSeconds(10));
        for (int stay = 0; stay < 2; stay++) {
            track.stay(Duration.ofMinutes(20), 4);
            for (int bearing = 0; bearing < 360; bearing += 120) {
                double[] drift = Geodesy.destination(track.lat(), track.lon(), bearing, 120);
                track.fixAt(drift[0], drift[1]).stay(Duration.ofMinutes(10), 4);
            }
            track.move(90, 1500, 5);
        }
        return track.stay(Duration.ofMinutes(30), 4);
    }

    private static void run(RunFixture fixture, Skill skill, TaskMode mode, Map<String, Object> params)
            throws SQLException {
        new SkillRun(SkillRegistry.standard(), fixture.database).execute(new RunRequest(skill, mode, params,
                UserScope.all(), 500, null), (progress, last) -> { });
    }

    private static List<List<Object>> storedStays(RunFixture fixture) throws SQLException {
        return fixture.rows("SELECT stay_id, last_point_id, (extract(epoch FROM finished_at) * 1000)::bigint,"
                + " n_points FROM stays ORDER BY started_at");
    }

    private static List<List<Object>> expected(Fixes fixes) {
        return TrackintelSliding.windows(fixes, SkillParams.defaults(StayParameters.class)).stream()
                .map(w -> List.<Object>of(w[0], w[1], w[2], (int) w[3])).toList();
    }

    @Test
    void allFixesReproduceTrackintelsStaysWhereCleanFixesDoNot() throws SQLException {
        RunFixture fixture = new RunFixture("all_fixes");
        fixture.insert("ada", driftingDay().fixes());
        run(fixture, Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of());
        assertThat(fixture.count("SELECT count(*) FROM point_flags WHERE reason = 'DRIFT'")).as("drift flagged")
                .isEqualTo(6);

        run(fixture, Skill.STAY_DETECTION, TaskMode.FULL_RECOMPUTE, Map.of(FixSelection.PARAM, "ALL"));
        List<List<Object>> withAll = storedStays(fixture);
        run(fixture, Skill.STAY_DETECTION, TaskMode.FULL_RECOMPUTE, Map.of());
        List<List<Object>> withClean = storedStays(fixture);

        assertThat(withAll).isEqualTo(expected(fixture.fixesOf("ada")));
        assertThat(withAll).as("the drift splits the stays").hasSizeGreaterThan(2);
        assertThat(withClean).as("clean fixes: two whole stays (the third is the open last window)").hasSize(2);
    }

    @Test
    void theDryRunCountsEveryFixWithAll() throws SQLException {
        RunFixture fixture = new RunFixture("all_fixes_count");
        fixture.insert("ada", driftingDay().fixes());
        run(fixture, Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of());
        SkillRun counting = new SkillRun(SkillRegistry.standard(), fixture.database);
        long all = fixture.count("SELECT count(*) FROM track_points");

        assertThat(counting.count(new RunRequest(Skill.STAY_DETECTION, TaskMode.INCREMENTAL,
                Map.of(FixSelection.PARAM, "ALL"), UserScope.all(), 500, null))).isEqualTo(all);
        assertThat(counting.count(new RunRequest(Skill.STAY_DETECTION, TaskMode.INCREMENTAL, Map.of(),
                UserScope.all(), 500, null))).isEqualTo(all - 6);
    }
}
