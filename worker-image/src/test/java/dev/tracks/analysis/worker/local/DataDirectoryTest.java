package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void followsTheXdgBaseDirectories() {
        assertThat(DataDirectory.defaultRoot(Map.of("XDG_DATA_HOME", "/data/me"), "/home/me"))
                .isEqualTo(Path.of("/data/me/tracks-analysis"));
        assertThat(DataDirectory.defaultRoot(Map.of(), "/home/me"))
                .isEqualTo(Path.of("/home/me/.local/share/tracks-analysis"));
        assertThat(DataDirectory.defaultRoot(Map.of("XDG_DATA_HOME", " "), "/home/me"))
                .isEqualTo(Path.of("/home/me/.local/share/tracks-analysis"));
    }

    @Test
    void theFirstRunsTokenIsKeptOwnerOnly() throws IOException {
        DataDirectory first = new DataDirectory(dir.resolve("data"));
        first.create();
        String token = first.adminToken();

        assertThat(token).matches("[0-9a-f]{48}");
        Path file = dir.resolve("data").resolve(DataDirectory.TOKEN_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new DataDirectory(dir.resolve("data")).adminToken()).as("the second run's").isEqualTo(token);
        assertThat(new DataDirectory(dir.resolve("other")).adminToken()).isNotEqualTo(token);
    }

    @Test
    void aTokenFileReadableByOthersIsNarrowed() throws IOException {
        DataDirectory data = new DataDirectory(dir);
        Files.writeString(dir.resolve(DataDirectory.TOKEN_FILE), "secret\n");
        Files.setPosixFilePermissions(dir.resolve(DataDirectory.TOKEN_FILE),
                PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(data.adminToken()).isEqualTo("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DataDirectory.TOKEN_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void keepsItsPartsApart() throws IOException {
        DataDirectory data = new DataDirectory(dir.resolve("x/../data"));
        data.create();
        assertThat(data.root()).isEqualTo(dir.resolve("data"));
        assertThat(data.postgres()).isDirectory().isEqualTo(dir.resolve("data/postgres"));
        assertThat(data.logs()).isDirectory();
        assertThat(data.sample()).isDirectory();
    }

    @Test
    void theDatabasePasswordIsKeptOwnerOnlyBesideTheToken() throws IOException {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        data.create();
        String password = data.databasePassword();

        assertThat(password).matches("[0-9a-f]{48}").isNotEqualTo(data.adminToken());
        assertThat(data.databasePasswordFile()).isEqualTo(dir.resolve("data/postgres-password"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.databasePasswordFile())))
                .isEqualTo("rw-------");
        assertThat(new DataDirectory(dir.resolve("data")).databasePassword()).as("the second run's")
                .isEqualTo(password);
    }

    @Test
    void aLostPasswordOfADatabaseThatRequiresOneIsAnErrorNotANewPassword() throws IOException {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        data.create();
        Files.writeString(data.postgres().resolve("pg_hba.conf"), PostgresAccess.PASSWORD_ONLY);

        assertThatThrownBy(data::databasePassword).isInstanceOf(IOException.class)
                .hasMessageContaining("requires the password", "postgres-password", "is missing");
        assertThat(data.databasePasswordFile()).doesNotExist();
    }
}
