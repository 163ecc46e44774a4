package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The writer behind the import gate, on a real PostgreSQL. */
class FixWriterTest {

    private static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedDatabase("fix_writer");
    }

    private static ImportedFix fix(String user, String time, String label) {
        return new ImportedFix(user, Imports.millis(time), 47, 8, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                label);
    }

    @Test
    void aRowPostgreSqlRejectsIsADataErrorNamingTheFileAndTheFix() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            FixWriter writer = new FixWriter(db);
            writer.startFile("import:csv", "first.csv");
            writer.add(fix("writer", "2026-05-07T08:00:00Z", null));
            writer.keepFile();
            writer.startFile("import:csv", "second.csv");
            writer.add(fix("writer", "2026-05-07T08:00:10Z", null));
            // what the gate would have rejected: text PostgreSQL cannot store
            writer.add(fix("writer", "2026-05-07T08:00:20Z", "wa\0lk"));
            writer.keepFile();

            assertThatThrownBy(writer::finish).isInstanceOfSatisfying(SQLException.class, failure -> {
                assertThat(failure.getSQLState()).startsWith("22");
                assertThat(Database.isTransient(failure)).as("another attempt cannot help").isFalse();
                assertThat(failure.getMessage()).startsWith("storing second.csv failed at its fix of user writer at"
                        + " 2026-05-07T08:00:20Z (47.0, 8.0): ");
            });
            writer.abandon();
        }
    }
}
