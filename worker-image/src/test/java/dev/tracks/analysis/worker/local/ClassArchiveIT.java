package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's check of the worker's class archive, on the packaged jar: the archive the package made passes and
 * is given to the workers; none, or one this JVM cannot use, is not.
 */
class ClassArchiveIT {

    private static final Path JAR = Path.of("target/tracks-worker.jar").toAbsolutePath();

    @Test
    void thePackagesArchivePassesAndGoesToTheWorkers() throws Exception {
        assertThat(ClassArchive.check(JAR).orElseThrow().workerOption())
                .contains("-XX:SharedArchiveFile=" + JAR.resolveSibling("tracks-worker.jsa"));
    }

    @Test
    void anArchiveThatDoesNotFitIsLeftOut(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("tracks-worker.jar"));
        Files.createSymbolicLink(dir.resolve("lib"), JAR.resolveSibling("lib"));
        Files.copy(JAR.resolveSibling(ClassArchive.FILE_NAME), dir.resolve(ClassArchive.FILE_NAME));

        assertThat(ClassArchive.check(jar).orElseThrow().workerOption()).as("made for the jar where the package put it")
                .isEmpty();
    }

    @Test
    void noArchiveNoCheck(@TempDir Path dir) throws Exception {
        assertThat(ClassArchive.check(dir.resolve("tracks-worker.jar"))).isEmpty();
    }
}
