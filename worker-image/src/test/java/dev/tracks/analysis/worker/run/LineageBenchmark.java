package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.benchmark.MachineLoad;
import dev.tracks.analysis.worker.skill.SkillImplementation;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.ResultLineage;
import dev.tracks.analysis.worker.store.ResultTable;
import dev.tracks.analysis.worker.store.StagingTables;
import dev.tracks.analysis.worker.store.TimeRange;
import dev.tracks.analysis.worker.store.UserScope;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What lineage costs (an entry point, not a test): stay_detection (few result rows) and grid_system (a row per cell
 * visit) over generated commuter days in an embedded PostgreSQL. Baseline: the skill's first incremental run, which
 * writes every user's results with no lineage work but one look-up of the user's stale mark. Against it: an
 * incremental rerun with another parameter (every user's results replaced in one transaction each, digested before
 * and after, dependents marked where they changed) and a full recompute that changes them back (staged, digests of
 * live and staged rows compared per user before the swap); and that comparison alone. Settings: benchmark.users (60;
 * in the Maven profile benchmark.lineage.users), benchmark.repeats (3). Run: see docs/benchmarks.md.
 */
public final class LineageBenchmark {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    /** Each skill measured, with a parameter that changes every user's results. */
    private static final Map<Skill, Map<String, Object>> OTHER_PARAMS = Map.of(
            Skill.STAY_DETECTION, Map.of("distThresholdMeters", 40),
            Skill.GRID_SYSTEM, Map.of("h3Resolution", 10));

    private final BenchmarkDatabase db;
    private final BenchmarkTable table = new BenchmarkTable();
    private final long points;
    private final int users;

    private LineageBenchmark(BenchmarkDatabase db, long points, int users) {
        this.db = db;
        this.points = points;
        this.users = users;
    }

    private static String userId(int user) {
        return String.format("user-%03d", user);
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("benchmark.users", 60);
        int repeats = Integer.getInteger("benchmark.repeats", 3);
        BenchmarkDatabase db = new BenchmarkDatabase("lineage_benchmark");
        long points = load(db, users);
        System.out.printf("%,d points of %d users (two commuter days each); %d repeats; %d cores; load %s%n",
                points, users, repeats, Runtime.getRuntime().availableProcessors(), MachineLoad.loadAverage());
        LineageBenchmark benchmark = new LineageBenchmark(db, points, users);
        benchmark.run(Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of());
        // Dependents with results for every user, so that marking them is part of the cost.
        benchmark.run(Skill.STAY_DETECTION, TaskMode.INCREMENTAL, Map.of());
        benchmark.run(Skill.TRANSPORT_MODE, TaskMode.INCREMENTAL, Map.of());
        benchmark.run(Skill.TRIP_CONSTRUCTION, TaskMode.INCREMENTAL, Map.of());
        benchmark.run(Skill.GRID_SYSTEM, TaskMode.INCREMENTAL, Map.of());
        benchmark.run(Skill.FOOTPRINT_STATS, TaskMode.INCREMENTAL, Map.of());
        for (Skill skill : new Skill[] {Skill.STAY_DETECTION, Skill.GRID_SYSTEM}) {
            benchmark.measure(skill, repeats);
        }
        System.out.printf("load at the end %s%n", MachineLoad.loadAverage());
        benchmark.table.print(System.out);
        System.exit(0);
    }

    private void measure(Skill skill, int repeats) throws SQLException {
        SkillImplementation<?> implementation = SkillRegistry.standard().get(skill);
        Map<String, Object> other = OTHER_PARAMS.get(skill);
        double[] first = new double[repeats];
        double[] rerun = new double[repeats];
        double[] full = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            for (ResultTable table : implementation.tables()) {
                db.execute("DELETE FROM " + table.name());
            }
            db.execute("DELETE FROM skill_watermarks WHERE skill_name = '" + skill.id() + "'",
                    "DELETE FROM stale_results", "VACUUM ANALYZE");
            first[i] = run(skill, TaskMode.INCREMENTAL, Map.of());
            rerun[i] = run(skill, TaskMode.INCREMENTAL, other);
            full[i] = run(skill, TaskMode.FULL_RECOMPUTE, Map.of());
        }
        long rows = 0;
        for (ResultTable table : implementation.tables()) {
            rows += db.count("SELECT count(*) FROM " + table.name());
        }
        double baseline = BenchmarkTable.median(first);
        String name = skill.id() + " (" + String.format("%,d", rows) + " result rows)";
        report(name + ", first incremental run (baseline)", baseline, baseline);
        report(name + ", incremental rerun with " + other, baseline, BenchmarkTable.median(rerun));
        report("  of which: digesting each user's rows before and after", baseline, digests(skill));
        report(name + ", full recompute changing every user back", baseline, BenchmarkTable.median(full));
        report("  of which: comparing live and staged rows per user", baseline, comparisonBeforeSwap(skill));
    }

    /** The two digests of each user's rows an incremental replacement makes (by the user's index). */
    private double digests(Skill skill) throws SQLException {
        ResultLineage lineage = new ResultLineage(skill, SkillRegistry.standard().get(skill).tables(), null);
        List<String> users = new ArrayList<>();
        for (int user = 0; user < this.users; user++) {
            users.add(userId(user));
        }
        double best = Double.MAX_VALUE;
        try (Connection connection = db.connect()) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                for (String user : users) {
                    lineage.digest(connection, user, TimeRange.ALL);
                    lineage.digest(connection, user, TimeRange.ALL);
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                connection.commit();
            }
        }
        return best;
    }

    private double run(Skill skill, TaskMode mode, Map<String, Object> params) throws SQLException {
        long start = System.nanoTime();
        new SkillRun(SkillRegistry.standard(), db.database).execute(new RunRequest(skill, mode, params,
                UserScope.all(), 10_000, null), (progress, last) -> { });
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The comparison a full recompute makes before its swap, alone: staging copies that differ from the live results
     * for every user (those of the other parameter against the default's).
     */
    private double comparisonBeforeSwap(Skill skill) throws SQLException {
        run(skill, TaskMode.FULL_RECOMPUTE, OTHER_PARAMS.get(skill));
        SkillImplementation<?> implementation = SkillRegistry.standard().get(skill);
        double best = Double.MAX_VALUE;
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            StagingTables.create(connection, implementation.tables());
            for (ResultTable table : implementation.tables()) {
                sql.execute("INSERT INTO staging_" + table.name() + " SELECT * FROM " + table.name());
            }
            sql.execute("INSERT INTO " + StagingTables.WATERMARKS + " SELECT * FROM skill_watermarks"
                    + " WHERE skill_name = '" + skill.id() + "'");
            connection.commit();
            run(skill, TaskMode.FULL_RECOMPUTE, Map.of());
            ResultLineage lineage = new ResultLineage(skill, implementation.tables(), null);
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                lineage.beforeSwap(connection, TimeRange.ALL, Instant.now());
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                connection.rollback();
            }
        }
        return best;
    }

    private void report(String what, double baseline, double seconds) {
        System.out.printf("%s: %.2f s%n", what, seconds);
        // The ratio here is time over the baseline's: what the run costs relative to the first run.
        table.add(what, points, seconds, BenchmarkTable.ratio(seconds, baseline), "");
    }

    /** Two commuter days per user (ChainRunTest's), each user at a place of their own; returns the points. */
    private static long load(BenchmarkDatabase db, int users) throws SQLException {
        long points = 0;
        try (Connection connection = db.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO track_points (user_id,"
                     + " recorded_at, lat, lon) VALUES (?, ?, ?, ?)")) {
            for (int user = 0; user < users; user++) {
                double lat = 46 + user * 0.01;
                SyntheticTrack monday = ChainRunTest.day(MONDAY.plusSeconds(user * 60L), lat, 8.5, user);
                SyntheticTrack tuesday = ChainRunTest.day(Instant.ofEpochMilli(monday.nowMillis())
                        .plusSeconds(8 * 3600), monday.lat(), monday.lon(), users + user);
                for (Fixes fixes : new Fixes[] {monday.fixes(), tuesday.fixes()}) {
                    for (int i = 0; i < fixes.size(); i++) {
                        insert.setString(1, userId(user));
                        insert.setObject(2, OffsetDateTime.ofInstant(Instant.ofEpochMilli(fixes.time(i)),
                                ZoneOffset.UTC));
                        insert.setDouble(3, fixes.lat(i));
                        insert.setDouble(4, fixes.lon(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    points += fixes.size();
                }
            }
            connection.commit();
        }
        db.execute("VACUUM ANALYZE track_points");
        return points;
    }
}
