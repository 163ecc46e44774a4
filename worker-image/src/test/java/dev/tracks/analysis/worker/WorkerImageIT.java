package dev.tracks.analysis.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.image.DockerfileSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What the worker's Dockerfile copies exists after {@code package}, and the packaged program starts as the image
 * starts it ({@code java -jar tracks-worker.jar}). Images cannot be built here (no container runtime), so this is
 * the check that keeps the Dockerfile in step with the build.
 */
class WorkerImageIT {

    @Test
    void everyPathTheDockerfileCopiesExists() throws IOException {
        assertThat(DockerfileSources.of(Path.of("Dockerfile"))).containsExactly("target/lib/",
                "target/tracks-worker.jar");
        assertThat(DockerfileSources.missing(Path.of("Dockerfile"), Path.of("."))).isEmpty();
        assertThat(Files.list(Path.of("target/lib"))).anyMatch(jar -> jar.getFileName().toString()
                .startsWith("postgresql-"));
    }

    @Test
    void thePackagedJarRunsWithItsManifestClassPath() throws IOException, InterruptedException {
        try (JarFile jar = new JarFile("target/tracks-worker.jar")) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(WorkerCommand.class.getName());
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/tracks-worker.jar", "skills").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("stay_detection", "point_flags");
    }
}
