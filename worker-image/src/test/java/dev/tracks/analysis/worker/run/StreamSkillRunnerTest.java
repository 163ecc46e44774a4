package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.outlier.OutlierParameters;
import dev.tracks.analysis.worker.progress.ProgressSnapshot;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.TimeRange;
import dev.tracks.analysis.worker.store.UserScope;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The runtime's guarantees on a real PostgreSQL, with a stand-in skill whose answer over a whole track is known:
 * incremental runs, late points, full recompute, a crash after any batch, shards, concurrent runs.
 */
class StreamSkillRunnerTest {

    private static final List<String> USERS = List.of("ada", "bob", "cy");
    private static final String WINDOWS = "SELECT user_id, started_at, finished_at, n_points FROM test_windows"
            + " ORDER BY user_id, started_at";

    private final WindowSkill skill = new WindowSkill();
    private final List<ProgressSnapshot> reports = new ArrayList<>();

    private RunFixture fixture(TestInfo test) throws SQLException {
        String name = "runner_" + test.getTestMethod().orElseThrow().getName().toLowerCase();
        return new RunFixture(name.substring(0, Math.min(name.length(), 60)), WindowSkill.CREATE_TABLE);
    }

    private void run(RunFixture fixture, TaskMode mode, int batchSize) throws SQLException {
        fixture.run(skill, mode, UserScope.all(), batchSize, (progress, last) -> reports.add(progress));
    }

    /** What one uninterrupted analysis of each user's whole track gives, finals and the open window. */
    private static List<List<Object>> expected(RunFixture fixture) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (String user : USERS) {
            Fixes fixes = fixture.fixesOf(user);
            if (fixes.isEmpty()) {
                continue;
            }
            StreamResult<WindowSkill.Window> whole = WindowSkill.analyze(fixes, 0);
            List<WindowSkill.Window> all = new ArrayList<>(whole.finals());
            all.addAll(whole.provisional());
            for (WindowSkill.Window w : all) {
                rows.add(List.of(user, Instant.ofEpochMilli(w.start()), Instant.ofEpochMilli(w.end()), w.fixes()));
            }
        }
        return rows;
    }

    private static void insertTracks(RunFixture fixture, Instant start, int count) throws SQLException {
        for (int u = 0; u < USERS.size(); u++) {
            fixture.insert(USERS.get(u), RunFixture.times(start, count + 40 * u, 17 + u + start.getEpochSecond()));
        }
    }

    @Test
    void incrementalRunsGiveTheWholeAnswerAndASecondRunFindsNothingNew(TestInfo test) throws SQLException {
        RunFixture fixture = fixture(test);
        insertTracks(fixture, RunFixture.T0, 200);

        run(fixture, TaskMode.INCREMENTAL, 17);
        assertThat(fixture.rows(WINDOWS)).isEqualTo(expected(fixture));
        assertThat(reports.get(reports.size() - 1).processedPoints()).isEqualTo(200 + 240 + 280);

        reports.clear();
        run(fixture, TaskMode.INCREMENTAL, 17);
        assertThat(reports.get(0).totalPoints()).isZero();
        assertThat(reports.get(reports.size() - 1).processedPoints()).isZero();
        assertThat(fixture.rows(WINDOWS)).isEqualTo(expected(fixture));
    }

    @Test
    void concurrentRunsOfTheSkillNeverDuplicateResults(TestInfo test) throws Exception {
        RunFixture fixture = fixture(test);
        insertTracks(fixture, RunFixture.T0, 3_000);

        List<TaskMode> modes = List.of(TaskMode.INCREMENTAL, TaskMode.INCREMENTAL, TaskMode.FULL_RECOMPUTE,
                TaskMode.INCREMENTAL);
        ExecutorService runs = Executors.newFixedThreadPool(modes.size());
        try {
            List<Future<SkillRun>> started = new ArrayList<>();
            for (TaskMode mode : modes) {
                started.add(runs.submit(() -> fixture.run(skill, mode, UserScope.all(), 11, (progress, last) -> { })));
            }
            for (Future<SkillRun> run : started) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            runs.shutdownNow();
        }

        assertThat(fixture.rows(WINDOWS)).isEqualTo(expected(fixture));
    }

    @Test
    void newPointsAreAnalyzedAloneAndTheOpenWindowIsReplaced(TestInfo test) throws SQLException {
        RunFixture fixture = fixture(test);
        insertTracks(fixture, RunFixture.T0, 150);
        run(fixture, TaskMode.INCREMENTAL, 23);

        Instant later = RunFixture.T0.plusSeconds(86_400);
        fixture.insert("bob", RunFixture.times(later, 60, 5));
        reports.clear();
        run(fixture, TaskMode.INCREMENTAL, 23);

        assertThat(reports.get(0).totalPoints()).isEqualTo(60);
        assertThat(reports.get(reports.size() - 1).processedPoints()).isEqualTo(60);
        assertThat(fixture.rows(WINDOWS)).isEqualTo(expected(fixture));
    }

    @Test
    void latePointsRecomputeTheAffectedUser(TestInfo test) throws SQLException {
        RunFixture fixture = fixture(test);
        insertTracks(fixture, RunFixture.T0, 150);
        run(fixture, TaskMode.INCREMENTAL, 31);

        // Recorded early in the morning, arrived after the run: every window of cy after it shifts.
        fixture.insert("cy", List.of(RunFixture.T0.plusSeconds(95), RunFixture.T0.plusSeconds(1_500)));
        run(fixture, TaskMode.INCREMENTAL, 31);

        assertThat(fixture.rows(WINDOWS)).isEqualTo(expected(fixture));
    }

    @Test
    void fullRecomputeEqualsAFreshIncrementalRunAndSwapsAtOnce(TestInfo test) throws SQLException {
        RunFixture fixture = fixture(test);
        insertTracks(fixture, RunFixture.T0, 120);
        run(fixture, TaskMode.INCREMENTAL, 19);
        insertTracks(fixture, RunFixture.T0.plusSeconds(40_000), 50);
        run(fixture, TaskMode.INCREMENTAL, 19);
        List<List<Object>> incremental = fixture.rows(WINDOWS);
        assertThat(incremental).isEqualTo(expected(fixture));

        // Readers see the old result set during the whole recompute: corrupt it first, then watch.
        try (Connection db = fixture.dataSource.getConnection()) {
            db.createStatement().execute("UPDATE test_windows SET n_points = -1");
        }
        List<Long> seenDuringRun = new ArrayList<>();
        SkillRun recompute = new SkillRun(new SkillRegistry(List.of(skill)),
                fixture.database, new StepClock());
        recompute.execute(fixture.request(skill, TaskMode.FULL_RECOMPUTE, UserScope.all(), 19), (progress, last) -> {
            try {
                seenDuringRun.add(fixture.count("SELECT count(*) FROM test_windows WHERE n_points = -1"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenDuringRun).hasSizeGreaterThan(3);
        assertThat(seenDuringRun.subList(0, seenDuringRun.size() - 1)).containsOnly((long) incremental.size());
        assertThat(seenDuringRun.get(seenDuringRun.size() - 1)).isZero();
        assertThat(fixture.rows(WINDOWS)).isEqualTo(incremental);
    }

    @Test
    void aRunKilledAfterAnyBatchResumesToTheSameResults(TestInfo test) throws SQLException {
        RunFixture fixture = fixture(test);
        insertTracks(fixture, RunFixture.T0, 130);
        for (int failAt : List.of(1, 4, 9, 15)) {
            try (Connection db = fixture.dataSource.getConnection()) {
                db.createStatement().execute("TRUNCATE test_windows; TRUNCATE skill_watermarks");
            }
            CrashingSkill crashing = new CrashingSkill(failAt);
            assertThatThrownBy(() -> fixture.run(crashing, TaskMode.INCREMENTAL, UserScope.all(), 11,
                    (progress, last) -> { })).hasMessageContaining("killed");
            fixture.run(skill, TaskMode.INCREMENTAL, UserScope.all(), 11, (progress, last) -> { });
            assertThat(fixture.rows(WINDOWS)).as("killed in call %d", failAt).isEqualTo(expected(fixture));
        }
    }

    @Test
    void shardsCoverEveryUserExactlyOnce(TestInfo test) throws SQLException {
        RunFixture fixture = fixture(test);
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            users.add("user-" + u);
            fixture.insert("user-" + u, RunFixture.times(RunFixture.T0, 3, u));
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int shard = 0; shard < 4; shard++) {
            fixture.run(skill, TaskMode.INCREMENTAL, new UserScope(List.of(), TimeRange.ALL, shard, 4), 100,
                    (progress, last) -> { });
            List<List<Object>> marked = fixture.rows("SELECT user_id FROM skill_watermarks");
            total = marked.size();
            marked.forEach(row -> seen.add((String) row.get(0)));
        }
        assertThat(total).isEqualTo(30);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(users);
        assertThat(fixture.count("SELECT count(DISTINCT task_uid IS NULL) FROM skill_watermarks")).isEqualTo(1);
    }

    @Test
    void theScopeLimitsUsersAndTimes(TestInfo test) throws SQLException {
        RunFixture fixture = fixture(test);
        insertTracks(fixture, RunFixture.T0, 100);
        Instant to = RunFixture.T0.plusSeconds(3_000);
        fixture.run(skill, TaskMode.INCREMENTAL, new UserScope(List.of("bob"), new TimeRange(null, true, to, false),
                0, 1), 50, (progress, last) -> { });
        assertThat(fixture.rows("SELECT DISTINCT user_id FROM test_windows")).containsExactly(List.of("bob"));
        assertThat(fixture.count("SELECT count(*) FROM test_windows WHERE finished_at >= '"
                + to + "'")).isZero();
    }

    /** The window skill, killed in its {@code failAt}-th call: as if the pod died mid-run. */
    private static final class CrashingSkill implements StreamSkill<OutlierParameters, WindowSkill.Window> {
        private final AtomicInteger calls = new AtomicInteger();
        private final int failAt;
        private final WindowSkill delegate = new WindowSkill();

        CrashingSkill(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public Skill skill() {
            return delegate.skill();
        }

        @Override
        public Class<OutlierParameters> parameters() {
            return OutlierParameters.class;
        }

        @Override
        public List<SkillDataset> datasets() {
            return delegate.datasets();
        }

        @Override
        public UserAnalysis<WindowSkill.Window> open(Connection db, String userId, Instant from,
                                                        OutlierParameters params) {
            return (fixes, fromIndex) -> {
                if (calls.incrementAndGet() == failAt) {
                    throw new IllegalStateException("killed");
                }
                return WindowSkill.analyze(fixes, fromIndex);
            };
        }

        @Override
        public void write(String userId, WindowSkill.Window result, ResultSink sink) {
            delegate.write(userId, result, sink);
        }
    }

    /** A clock that moves 3 s per reading, so that every batch reports progress. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plusSeconds(3);
            return now;
        }
    }
}
