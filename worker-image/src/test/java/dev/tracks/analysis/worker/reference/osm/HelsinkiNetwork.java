package dev.tracks.analysis.worker.reference.osm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.osm.HelsinkiExtract;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.WorkerCommand;
import dev.tracks.analysis.worker.reference.ReferenceData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import javax.sql.DataSource;
import picocli.CommandLine;

/** The real Helsinki extract ({@link HelsinkiExtract}) loaded by `reference load osm` into a database of its own. */
public final class HelsinkiNetwork {

    private HelsinkiNetwork() {
    }

    /** The worker's arguments that load the extract into the test database {@code database}. */
    static String[] loadCommand(String database) {
        return new String[] {"reference", "load", "osm", "--file", HelsinkiExtract.path().toString(), "--jdbc-url",
                TestDatabase.jdbcUrl(database), "--db-user", "postgres"};
    }

    /** Loads the extract into a new migrated database {@code database} and reads it back as skills read it. */
    public static OsmNetwork load(String database) throws Exception {
        DataSource dataSource = TestDatabase.migratedDatabase(database);
        StringWriter err = new StringWriter();
        CommandLine command = WorkerCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute(loadCommand(database))).as(err.toString()).isZero();
        try (Connection db = dataSource.getConnection()) {
            return ReferenceData.requireOsm(db);
        }
    }
}
