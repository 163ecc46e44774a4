package dev.tracks.analysis.worker.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.ReferenceFiles;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.ReferenceOption;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.SyntheticOsmNetwork;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.WorkerCommand;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** `tracks-worker reference load|list|prune` through picocli, on a real PostgreSQL. */
class ReferenceCommandTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private DataSource dataSource;
    private String url;

    @BeforeEach
    void database() {
        dataSource = TestDatabase.migratedDatabase("reference_command");
        url = TestDatabase.jdbcUrl("reference_command");
    }

    private int run(String... args) {
        CommandLine command = WorkerCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] withDatabase = new String[args.length + 4];
        System.arraycopy(args, 0, withDatabase, 0, args.length);
        System.arraycopy(new String[] {"--jdbc-url", url, "--db-user", "postgres"}, 0, withDatabase, args.length, 4);
        return command.execute(withDatabase);
    }

    @Test
    void loadsPrintWhatTheyDidAndListShowsEveryLoad() throws Exception {
        Path areas = ReferenceFiles.write(directory, "admin1.json", ReferenceFiles.adminAreas());
        Path towns = ReferenceFiles.write(directory, "rg_cities1000.csv", ReferenceFiles.gazetteerCsv());
        String checksum = ReferenceLoads.sha256(areas);

        assertThat(run("reference", "load", "admin", "--file", areas.toString(), "--attribution",
                "Natural Earth (public domain)")).isZero();
        assertThat(out.toString()).contains("loaded admin load 1: 3 rows from admin1.json (sha256 " + checksum
                + "), active");
        assertThat(run("reference", "load", "admin", "--file", areas.toString())).isZero();
        assertThat(out.toString()).contains("unchanged, the same file and options are already the active admin load"
                + " 1: 3 rows");
        assertThat(run("reference", "load", "places", "--file", towns.toString(), "--population-column",
                "population", "--attribution", "GeoNames, CC BY 4.0")).isZero();
        assertThat(out.toString()).contains("loaded places load 2: 5 rows from rg_cities1000.csv");

        assertThat(run("reference", "list")).isZero();
        assertThat(out.toString()).containsPattern("2 +places +yes +5 .* rg_cities1000.csv +GeoNames, CC BY 4.0")
                .containsPattern("1 +admin +yes +3 .* " + checksum.substring(0, 16) + " +admin1.json"
                        + " +Natural Earth \\(public domain\\)");
        try (Connection db = dataSource.getConnection()) {
            assertThat(ReferenceData.requirePlaces(db).nearest(64.6, -166).orElseThrow().place().population())
                    .isEqualTo(3797L);
        }
    }

    /** The chart passes options as --option=value; an empty value is a column the file lacks. */
    @Test
    void optionsWithAnEmptyValueNameNoColumn() throws Exception {
        Path towns = ReferenceFiles.write(directory, "towns.csv", "lat,lon,name\n64.5011,-165.4064,Nome\n");
        assertThat(run("reference", "load", "places", "--file", towns.toString(), "--country-column=",
                "--admin1-column=", "--admin2-column=")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("loaded places load 1: 1 rows from towns.csv");
    }

    @Test
    void aBadFileFailsNotRetryablyNamingTheFeature() throws Exception {
        Path bad = ReferenceFiles.write(directory, "bad.geojson", ReferenceFiles.collection(
                ReferenceFiles.feature("{\"name\":\"Aland\"}", "Polygon", "[" + ReferenceFiles.square(0, 0, 1, 1)
                        + "]")));
        assertThat(run("reference", "load", "admin", "--file", bad.toString()))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("tracks-worker reference load: feature 0: property \"iso_3166_2\" is"
                + " missing or empty").contains("(nothing was loaded)");
        assertThat(run("reference", "list")).isZero();
        assertThat(out.toString()).contains("no reference data loaded");
    }

    /**
     * Run as a Job (the chart's reference loads), the reason is the container's termination message: a process of its
     * own, with the environment variable that names the file as the pod's /dev/termination-log.
     */
    @Test
    void aBadFilesReasonIsTheTerminationMessage() throws Exception {
        Path bad = ReferenceFiles.write(directory, "bad.geojson", ReferenceFiles.collection(
                ReferenceFiles.feature("{\"name\":\"Aland\"}", "Polygon", "[" + ReferenceFiles.square(0, 0, 1, 1)
                        + "]")));
        Path terminationLog = directory.resolve("termination-log");
        ProcessBuilder worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkerCommand.class.getName(), "reference", "load",
                "admin", "--file", bad.toString(), "--jdbc-url", url, "--db-user", "postgres")
                .redirectErrorStream(true).redirectOutput(directory.resolve("output.txt").toFile());
        worker.environment().put(WorkerContract.ENV_TERMINATION_LOG, terminationLog.toString());
        Process process = worker.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(directory.resolve("output.txt")))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(Files.readString(terminationLog)).isEqualTo("tracks-worker reference load: feature 0: property"
                + " \"iso_3166_2\" is missing or empty; every feature needs it (or choose another property with code_property / --code-property) (nothing was loaded)");
    }

    @Test
    void optionsAndKindsAreChecked() throws Exception {
        Path towns = ReferenceFiles.write(directory, "towns.csv", ReferenceFiles.gazetteerCsv());
        assertThat(run("reference", "load", "places", "--file", towns.toString(), "--code-property", "iso"))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--code-property: only for admin loads, not places");
        assertThat(run("reference", "load", "roads", "--file", towns.toString()))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("KIND: must be one of [admin, places, osm], got 'roads'");
        assertThat(run("reference", "load", "admin", "--file", towns.toString(), "--rail-classes", "tram"))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--rail-classes: only for osm loads, not admin");
        assertThat(run("reference", "load", "osm", "--file", towns.toString(), "--format", "csv"))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--format: only for places loads, not osm");
        assertThat(run("reference", "load", "osm", "--file", towns.toString(), "--road-classes", "footway,,steps"))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--road-classes: give highway=* values separated by commas, none empty");
        assertThat(run("reference", "load", "admin", "--file", towns.toString(), "--level", "11"))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--level: must be an integer between 0 and 10, got '11'");
        assertThat(run("reference", "load", "places", "--file", directory.resolve("towns.txt").toString()))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--format: cannot tell the format of 'towns.txt': name the file .csv or"
                + " .json, or give the format (csv or json)");
        assertThat(run("reference", "load", "places", "--file", directory.resolve("none.csv").toString()))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("--file: cannot read");
    }

    /** The command line and the admin API take the same options: each shared option is an option of the command. */
    @Test
    void everyReferenceOptionIsAnOptionOfTheCommandForItsKind() {
        CommandLine load = WorkerCommand.commandLine().getSubcommands().get("reference").getSubcommands().get("load");
        for (ReferenceOption option : ReferenceOption.values()) {
            OptionSpec spec = load.getCommandSpec().findOption(option.cliName());
            assertThat(spec).as(option.cliName()).isNotNull();
            option.onlyFor().ifPresent(kind -> assertThat(spec.description()[0]).startsWith(kind.id() + ":"));
        }
    }

    @Test
    void anOsmExtractLoadsWithItsAttributionAndABrokenOneLoadsNothing() throws Exception {
        Path extract = SyntheticOsmNetwork.extract().write(directory.resolve("synthetic.osm.pbf"));
        int rows = SyntheticOsmNetwork.ROAD_WAYS.length + SyntheticOsmNetwork.RAIL_WAYS.length
                + SyntheticOsmNetwork.STATIONS.length;
        Path broken = Files.writeString(directory.resolve("broken.osm.pbf"), "not a pbf");

        assertThat(run("reference", "load", "osm", "--file", extract.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("loaded osm load 1: " + rows + " rows from synthetic.osm.pbf");
        assertThat(run("reference", "load", "osm", "--file", extract.toString())).isZero();
        assertThat(out.toString()).contains("unchanged, the same file and options are already the active osm load 1");
        assertThat(run("reference", "load", "osm", "--file", extract.toString(), "--road-classes",
                "footway,steps", "--attribution", "OSM test data")).isZero();
        assertThat(out.toString()).contains("loaded osm load 2: 7 rows from synthetic.osm.pbf");
        assertThat(run("reference", "load", "osm", "--file", broken.toString()))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("tracks-worker reference load: block 0 (byte 0): BlobHeader length")
                .contains("not an .osm.pbf file, or a corrupt one (nothing was loaded)");
        out.getBuffer().setLength(0);
        assertThat(run("reference", "list")).isZero();
        assertThat(out.toString()).containsPattern("2 +osm +yes +7 .* synthetic.osm.pbf +OSM test data")
                .containsPattern("1 +osm +no +" + rows + " .* synthetic.osm.pbf +© OpenStreetMap contributors, ODbL")
                .doesNotContain("broken");
        try (Connection db = dataSource.getConnection()) {
            OsmNetwork network = ReferenceData.requireOsm(db);
            assertThat(network.ways(OsmWay.Network.ROAD)).extracting(OsmWay::wayId).containsExactly(130L);
            assertThat(network.ways(OsmWay.Network.RAIL)).extracting(OsmWay::wayId).containsExactly(140L, 150L);
            assertThat(network.stations()).hasSize(SyntheticOsmNetwork.STATIONS.length);
        }
    }

    @Test
    void anUnreachableDatabaseIsTransientAMissingSchemaIsNot() {
        url = "jdbc:postgresql://127.0.0.1:1/none";
        assertThat(run("reference", "list")).isEqualTo(WorkerContract.EXIT_TRANSIENT);
        assertThat(err.toString()).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/none");
        TestDatabase.emptyDatabase("reference_unmigrated");
        url = TestDatabase.jdbcUrl("reference_unmigrated");
        assertThat(run("reference", "list")).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("tracks-worker reference list: database: ERROR: relation"
                + " \"reference_loads\" does not exist");
    }

    @Test
    void pruneKeepsTheActiveLoadAndRecentlyReplacedOnes() throws Exception {
        Path first = ReferenceFiles.write(directory, "first.geojson", ReferenceFiles.adminAreas());
        Path second = ReferenceFiles.write(directory, "second.geojson", ReferenceFiles.westOnly());
        assertThat(run("reference", "load", "admin", "--file", first.toString())).isZero();
        assertThat(run("reference", "load", "admin", "--file", second.toString())).isZero();
        assertThat(run("reference", "prune")).isZero();
        assertThat(out.toString()).contains("nothing to prune (the active loads and loads replaced less than PT24H"
                + " ago are kept)");
        assertThat(run("reference", "prune", "--grace", "PT0S")).isZero();
        assertThat(out.toString()).contains("pruned admin load 1 (first.geojson, 3 rows, replaced ");
    }
}
