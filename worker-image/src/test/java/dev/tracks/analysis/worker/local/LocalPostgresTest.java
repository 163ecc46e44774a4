package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's PostgreSQL, real: nobody connects without the password, and older data directories get one. */
class LocalPostgresTest {

    @TempDir
    Path dir;

    private static Connection connect(LocalPostgres postgres, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", LocalPostgres.USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(postgres.jdbcUrl(), properties);
    }

    private static LocalPostgres start(DataDirectory data) throws IOException {
        return LocalPostgres.start(data.postgres(), data.logs().resolve("postgres.log"), data.databasePassword(),
                data.databasePasswordFile());
    }

    private static String answer(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void aNewDatabaseRequiresThePasswordFromItsFirstStart() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        data.create();
        String password = data.databasePassword();

        try (LocalPostgres postgres = start(data)) {
            try (Connection db = connect(postgres, password)) {
                assertThat(answer(db, "SELECT current_user")).isEqualTo("postgres");
            }
            assertThatThrownBy(() -> connect(postgres, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(postgres, "guess")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(PostgresAccess.passwordRequired(Files.readString(data.postgres().resolve("pg_hba.conf"))))
                .isTrue();
        try (LocalPostgres again = start(data); Connection db = connect(again, password)) {
            assertThat(answer(db, "SELECT 1")).as("the second start").isEqualTo("1");
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsKeepsItsDataAndGetsThePassword() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("old"));
        data.create();
        // as the local run made it before: initdb -A trust, no password
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(data.postgres())
                .setCleanDataDirectory(false).start();
             Connection db = before.getPostgresDatabase().getConnection();
             Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE kept AS SELECT 'from the first run' AS note");
        }
        assertThat(Files.exists(data.databasePasswordFile())).isFalse();

        String password = data.databasePassword();
        try (LocalPostgres postgres = start(data)) {
            try (Connection db = connect(postgres, password)) {
                assertThat(answer(db, "SELECT note FROM kept")).isEqualTo("from the first run");
            }
            assertThatThrownBy(() -> connect(postgres, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        Path pgHba = data.postgres().resolve("pg_hba.conf");
        assertThat(Files.readString(pgHba, StandardCharsets.UTF_8)).isEqualTo(PostgresAccess.PASSWORD_ONLY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pgHba))).isEqualTo("rw-------");
        try (LocalPostgres again = start(data); Connection db = connect(again, password)) {
            assertThat(answer(db, "SELECT note FROM kept")).as("the next start").isEqualTo("from the first run");
        }
    }
}
