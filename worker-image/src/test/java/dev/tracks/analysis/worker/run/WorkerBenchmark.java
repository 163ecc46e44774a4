package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.schema.ReferencePendingPoints;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.benchmark.MachineLoad;
import dev.tracks.analysis.worker.geocoding.AdminSquares;
import dev.tracks.analysis.worker.progress.ProgressListener;
import dev.tracks.analysis.worker.progress.StatusWriteListener;
import dev.tracks.analysis.worker.roads.RoadGrid;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.UserScope;
import dev.tracks.analysis.worker.zone.WorldTimeZones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark of the worker (an entry point, not a test): synthetic points in an embedded PostgreSQL, run through
 * {@link SkillRun} as a task runs them, each figure reported as a ratio against a plain COPY of the same rows
 * measured in the same run. Settings are system properties: benchmark.points (2,000,000), benchmark.users (200),
 * benchmark.importPoints (as many as points), benchmark.batches (1000,10000), benchmark.repeats (3), benchmark.only
 * ("import": only the import runs; "skills": only the skill runs), benchmark.skills (the skills of step (d), with
 * their dependencies; default every implemented one). Run: see docs/benchmarks.md.
 */
public final class WorkerBenchmark {

    private static final long SEED = 5;
    private static final String WRITE_BASELINE = "baseline W: COPY of one result row per point into bench_speeds";
    private static final ProgressListener SILENT = (progress, last) -> {
    };
    private static final String[] RESET = {"DELETE FROM skill_watermarks",
        "TRUNCATE bench_speeds, point_flags, stays CASCADE", "CHECKPOINT"};

    private final BenchmarkDatabase db;
    private final BenchmarkTable table = new BenchmarkTable();
    private final int points;
    private final List<SkillTime> skillTimes = new ArrayList<>();

    /** @param writesPerPoint whether the run writes one row per point, so that baseline W applies too */
    private record SkillTime(String what, double seconds, String target, boolean writesPerPoint) {
    }

    private WorkerBenchmark(BenchmarkDatabase db, int points) {
        this.db = db;
        this.points = points;
    }

    public static void main(String[] args) throws Exception {
        int points = Integer.getInteger("benchmark.points", 2_000_000);
        int users = Integer.getInteger("benchmark.users", 200);
        int importPoints = Integer.getInteger("benchmark.importPoints", points);
        int repeats = Integer.getInteger("benchmark.repeats", 3);
        int[] batches = Arrays.stream(System.getProperty("benchmark.batches", "1000,10000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        report("%,d points of %d users; import %,d points; batch sizes %s; %d repeats; %d cores; load %s", points,
                users, importPoints, Arrays.toString(batches), repeats, Runtime.getRuntime().availableProcessors(),
                MachineLoad.loadAverage());

        BenchmarkDatabase db = new BenchmarkDatabase("worker_benchmark");
        report("PostgreSQL: shared_buffers %s, synchronous_commit %s, fsync %s", db.show("shared_buffers"),
                db.show("synchronous_commit"), db.show("fsync"));
        db.execute(SpeedSkill.CREATE_TABLE);
        report("generated and copied in %.1f s", db.load(points, users, SEED));

        WorkerBenchmark benchmark = new WorkerBenchmark(db, points);
        if ("import".equals(System.getProperty("benchmark.only"))) {
            benchmark.importRuns(importPoints, users);
            benchmark.table.print(System.out);
            System.exit(0);
        }
        double[] baseline = new double[3];
        baseline[0] = benchmark.timed("baseline A: COPY of the points in user, time order", db::copyOutPoints);
        baseline[1] = benchmark.timed("baseline A: COPY of the points in user, time order", db::copyOutPoints);
        Path scratch = Files.createTempFile("worker-benchmark-", ".copy");
        double[] writes = new double[2];
        writes[0] = benchmark.timed(WRITE_BASELINE, () -> db.copyInResultRows(scratch));
        for (int batch : batches) {
            benchmark.skillRuns(batch);
        }
        benchmark.everySkill(Arrays.stream(batches).max().orElseThrow());
        baseline[2] = benchmark.timed("baseline A: COPY of the points in user, time order", db::copyOutPoints);
        writes[1] = benchmark.timed(WRITE_BASELINE, () -> db.copyInResultRows(scratch));
        benchmark.rateAgainst(BenchmarkTable.median(baseline), BenchmarkTable.median(writes));
        benchmark.pendingCounts(BenchmarkTable.median(baseline));
        if ("skills".equals(System.getProperty("benchmark.only"))) {
            benchmark.table.print(System.out);
            System.exit(0);
        }
        benchmark.progressCost(batches[0], repeats);
        benchmark.importRuns(importPoints, users);
        report("load at the end %s", MachineLoad.loadAverage());
        benchmark.table.print(System.out);
        System.exit(0);
    }

    @FunctionalInterface
    private interface Timed {
        double seconds() throws SQLException, IOException;
    }

    private double timed(String what, Timed run) throws SQLException, IOException {
        double seconds = run.seconds();
        report("%s: %.2f s", what, seconds);
        table.add(what, points, seconds);
        return seconds;
    }

    /**
     * The count before a run (pending_points), V24's index lookups against V13's full scan (kept as
     * {@link ReferencePendingPoints} for the comparison), for a first run and for an incremental run after each user's
     * last 1 % of fixes arrived. Ratio: baseline A's time over the count's.
     */
    private void pendingCounts(double readSeconds) throws SQLException {
        db.execute(RESET);
        db.execute(ReferencePendingPoints.createFunction());
        db.execute("INSERT INTO skill_watermarks (skill_name, user_id, last_recorded_at, last_point_id)"
                + " SELECT 'stay_detection', user_id, recorded_at, id FROM (SELECT user_id, recorded_at, id,"
                + " row_number() OVER (PARTITION BY user_id ORDER BY recorded_at DESC) AS from_end,"
                + " count(*) OVER (PARTITION BY user_id) AS fixes FROM track_points) p"
                + " WHERE from_end = fixes / 100 + 1", "VACUUM ANALYZE");
        for (String function : List.of(ReferencePendingPoints.FUNCTION, "pending_points")) {
            String version = function.equals(ReferencePendingPoints.FUNCTION) ? "V13 full scan" : "V24 by index";
            for (String mode : List.of("first run", "incremental, 1 % new")) {
                String skill = mode.startsWith("first") ? "transport_mode" : "stay_detection";
                double seconds = db.timedQuery("SELECT count(*) FROM " + function + "('" + skill + "', true, true,"
                        + " NULL, NULL, NULL)");
                report("pending count, %s, %s: %.3f s", mode, version, seconds);
                table.add("pending count, " + mode + ", " + version, points, seconds,
                        BenchmarkTable.ratio(readSeconds, seconds), "");
            }
        }
        db.execute(RESET);
    }

    /** (a) no-op, (b) per-point, (c) outlier_detection then stay_detection, all incremental from nothing. */
    private void skillRuns(int batch) throws SQLException {
        SkillRegistry standard = SkillRegistry.standard();
        note(batch, "(a) no-op skill", run(new SkillRegistry(List.of(new NoOpSkill())), Skill.OUTLIER_DETECTION,
                batch, SILENT, Clock.systemUTC()), "≥ 0.6x");
        note(batch, "(b) per-point speed skill", run(new SkillRegistry(List.of(new SpeedSkill())),
                Skill.OUTLIER_DETECTION, batch, SILENT, Clock.systemUTC()), "≥ 0.6x");
        note(batch, "(c) outlier_detection", run(standard, Skill.OUTLIER_DETECTION, batch, SILENT,
                Clock.systemUTC()), "");
        note(batch, "(c) stay_detection", runAfter(standard, Skill.STAY_DETECTION, batch), "");
    }

    /**
     * (d) Every implemented skill but the loader (or those of benchmark.skills), in dependency order, each
     * INCREMENTAL from nothing after its dependencies: one line per skill, so a new skill has its figure without an
     * edit here. Target: half the speed of baseline A, the issues' bar for a skill over the same fixes.
     */
    private void everySkill(int batch) throws SQLException, IOException {
        String chosen = System.getProperty("benchmark.skills", "");
        Collection<Skill> wanted = chosen.isBlank() ? List.of(Skill.values())
                : SkillCatalog.withDependencies(Arrays.stream(chosen.split(",")).map(String::trim)
                        .map(id -> Skill.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                                "benchmark.skills: unknown skill '" + id + "'"))).toList());
        List<Skill> skills = wanted.stream().filter(skill -> !SkillCatalog.NOT_YET_IMPLEMENTED.contains(skill))
                .filter(skill -> !SkillCatalog.definition(skill).isLoader()).toList();
        db.execute(RESET);
        // The time-zone polygons load once per worker JVM, in the first skill that counts local days; timed apart so
        // that skill's line shows its own cost (the worker benchmark's users have no user_time_zones row).
        long loading = System.nanoTime();
        WorldTimeZones.at(47.37, 8.54);
        double loadSeconds = BenchmarkDatabase.seconds(loading);
        report("time zone polygons loaded in %.2f s", loadSeconds);
        table.add("time zone polygons, once per worker JVM", 0, loadSeconds);
        if (skills.contains(Skill.GEOCODING)) {
            loadAdminGrid();
        }
        if (skills.contains(Skill.ROAD_OVERLAP)) {
            loadRoadGrids();
        }
        SkillRegistry standard = SkillRegistry.standard();
        for (Skill skill : SkillCatalog.inDependencyOrder(skills)) {
            note(batch, "(d) " + skill.id(), runAfter(standard, skill, batch), "≥ 0.5x");
        }
    }

    /** geocoding fails without admin areas: a generated grid over the users' area, loaded once, timed apart. */
    private void loadAdminGrid() throws SQLException, IOException {
        Path directory = Files.createTempDirectory("worker-benchmark-admin-");
        long loading = System.nanoTime();
        try (Connection connection = db.connect()) {
            AdminSquares.loadGrid(connection, directory);
        }
        double loadSeconds = BenchmarkDatabase.seconds(loading);
        report("admin grid (2,424 squares) loaded in %.2f s", loadSeconds);
        table.add("admin grid of 2,424 squares, loaded once", 0, loadSeconds);
    }

    /** road_overlap fails without an osm load: street grids around the users' cities, loaded once, timed apart. */
    private void loadRoadGrids() throws SQLException, IOException {
        Path directory = Files.createTempDirectory("worker-benchmark-roads-");
        long loading = System.nanoTime();
        try (Connection connection = db.connect()) {
            RoadGrid.loadAround(connection, directory, BenchmarkTracks.CITIES);
        }
        double loadSeconds = BenchmarkDatabase.seconds(loading);
        report("road grids (4 x 50,000 crossings, 300 m apart) loaded in %.2f s", loadSeconds);
        table.add("road grids around the 4 cities, loaded once", 0, loadSeconds);
    }

    private void note(int batch, String what, double seconds, String target) {
        skillTimes.add(new SkillTime(what + ", batch " + batch, seconds, target, what.startsWith("(b)")));
    }

    /** Ratios against A, and for a run that writes a row per point also against A + W (read and write it). */
    private void rateAgainst(double readSeconds, double writeSeconds) {
        for (SkillTime each : skillTimes) {
            String ratio = BenchmarkTable.ratio(readSeconds, each.seconds()) + (each.writesPerPoint()
                    ? "; " + BenchmarkTable.ratio(readSeconds + writeSeconds, each.seconds()) + " of A+W" : "");
            table.add(each.what(), points, each.seconds(), ratio, each.target());
        }
    }

    /** One incremental run from nothing: results and watermarks are cleared first. */
    private double run(SkillRegistry registry, Skill skill, int batch, ProgressListener listener, Clock clock)
            throws SQLException {
        db.execute(RESET);
        return runKept(registry, skill, batch, listener, clock);
    }

    /** A run over what the previous runs left (stay_detection reads outlier_detection's flags and watermarks). */
    private double runAfter(SkillRegistry registry, Skill skill, int batch) throws SQLException {
        db.execute("CHECKPOINT");
        return runKept(registry, skill, batch, SILENT, Clock.systemUTC());
    }

    private double runKept(SkillRegistry registry, Skill skill, int batch, ProgressListener listener, Clock clock)
            throws SQLException {
        long start = System.nanoTime();
        SkillRun run = new SkillRun(registry, db.database, clock);
        run.execute(new RunRequest(skill, TaskMode.INCREMENTAL, Map.of(), UserScope.all(), batch, null), listener);
        double seconds = BenchmarkDatabase.seconds(start);
        report("%s (%s), batch %d: %.2f s, %s", skill.id(), registry.get(skill).getClass().getSimpleName(), batch,
                seconds, run.resultSummary());
        return seconds;
    }

    /**
     * The per-point skill without reporting, with the status write every 2 s, and with it at every batch; rounds
     * alternate the three (rotating their order) and the median of each is compared. The time spent inside the
     * listener is measured too: end-to-end differences of a few percent are within the noise of a shared machine.
     */
    private void progressCost(int batch, int repeats) throws SQLException {
        String[] names = {"no-op listener", "status write every 2 s", "status write every batch"};
        double[][] seconds = new double[names.length][repeats];
        double[][] inListener = new double[names.length][repeats];
        long[] reports = new long[names.length];
        SkillRegistry registry = new SkillRegistry(List.of(new SpeedSkill()));
        for (int round = 0; round < repeats; round++) {
            for (int k = 0; k < names.length; k++) {
                int variant = (k + round) % names.length;
                try (StatusWriteListener status = new StatusWriteListener(db.connect())) {
                    ProgressListener listener = variant == 0 ? SILENT : status;
                    Clock clock = variant == 2 ? steppingClock() : Clock.systemUTC();
                    seconds[variant][round] = run(registry, Skill.OUTLIER_DETECTION, batch, listener, clock);
                    inListener[variant][round] = status.seconds();
                    reports[variant] = status.reports();
                }
            }
        }
        double none = BenchmarkTable.median(seconds[0]);
        for (int variant = 0; variant < names.length; variant++) {
            double median = BenchmarkTable.median(seconds[variant]);
            double listener = BenchmarkTable.median(inListener[variant]);
            report("progress, %s: %s s, median %.2f s, %d reports, %.3f s in the listener", names[variant],
                    Arrays.toString(seconds[variant]), median, reports[variant], listener);
            table.add(String.format("(b) batch %d, %s (%d reports), median of %d", batch, names[variant],
                    reports[variant], repeats), points, median, variant == 0 ? "" : String.format(
                    "%+.1f%%; in listener %.2f%%", (median / none - 1) * 100, listener / median * 100),
                    variant == 0 ? "" : "< 2% overhead");
        }
    }

    /**
     * A clock that moves on by the report interval at each reading, so the progress tracker reports at every
     * commit. The reported rates are then meaningless; the cost of each report is what is measured.
     */
    private static Clock steppingClock() {
        return new Clock() {
            private long readings;

            @Override
            public Instant instant() {
                return Instant.now().plus(SkillRun.REPORT_INTERVAL.multipliedBy(readings++));
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    /**
     * data_import against a plain COPY of the same rows, each into an empty track_points: baseline B, then the CSV,
     * then the same rows as a folder of one CSV per user and day, then the CSV again over the stored rows (a re-run
     * that adds nothing).
     */
    private void importRuns(int importPoints, int users) throws SQLException, IOException {
        Path csv = Files.createTempFile("worker-benchmark-", ".csv");
        Path folder = Files.createTempDirectory("worker-benchmark-folder-");
        try {
            report("CSV of %,d rows written in %.1f s, %,d MB", importPoints,
                    BenchmarkDatabase.writeCsv(csv, importPoints, users, SEED), Files.size(csv) >> 20);
            double written = BenchmarkDatabase.writeCsvFolder(folder, importPoints, users, SEED);
            report("folder of %,d CSV files (one per user and day) written in %.1f s", countFiles(folder), written);
            BenchmarkDatabase target = new BenchmarkDatabase("worker_benchmark_import");
            double copy = target.copyInCsv(csv);
            report("baseline B: COPY of the CSV: %.2f s, %,d rows", copy, target.count("SELECT count(*) FROM"
                    + " track_points"));
            double imported = importInto(target, csv, "data_import of the CSV", true);
            double fromFolder = importInto(target, folder, "data_import of the folder", true);
            double again = importInto(target, csv, "data_import of the CSV again, every row stored", false);
            table.add("baseline B: COPY of the CSV into track_points", importPoints, copy);
            table.add("data_import of the CSV", importPoints, imported, BenchmarkTable.ratio(copy, imported),
                    "≥ 0.5x");
            table.add(String.format("data_import of the folder (%,d files)", countFiles(folder)), importPoints,
                    fromFolder, BenchmarkTable.ratio(copy, fromFolder) + String.format("; %.2fx the CSV's time",
                            fromFolder / imported), "≤ 1.3x the CSV's time");
            table.add("data_import of the CSV again (adds nothing)", importPoints, again,
                    BenchmarkTable.ratio(copy, again), "");
        } finally {
            Files.deleteIfExists(csv);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** One data_import run of {@code source}; into an emptied track_points when {@code empty}. */
    private static double importInto(BenchmarkDatabase target, Path source, String what, boolean empty)
            throws SQLException {
        if (empty) {
            target.execute("TRUNCATE track_points RESTART IDENTITY CASCADE", "VACUUM track_points");
        }
        target.execute("CHECKPOINT");
        long start = System.nanoTime();
        SkillRun run = new SkillRun(SkillRegistry.standard(), target.database);
        run.execute(new RunRequest(Skill.DATA_IMPORT, TaskMode.INCREMENTAL, Map.of("source", source.toString()),
                UserScope.all(), 1000, null), SILENT);
        double seconds = BenchmarkDatabase.seconds(start);
        Map<String, Object> summary = new LinkedHashMap<>(run.resultSummary());
        summary.remove("perFile");
        report("%s: %.2f s, %s, %,d rows", what, seconds, summary, target.count("SELECT count(*) FROM track_points"));
        return seconds;
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }


    private static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
