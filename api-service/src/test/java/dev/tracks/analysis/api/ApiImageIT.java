package dev.tracks.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.image.DockerfileSources;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every path the API service's JVM Dockerfile copies exists after {@code package}. The native Dockerfile copies the
 * native executable, which needs GraalVM/Mandrel and cannot be built here; only its form is checked.
 */
class ApiImageIT {

    @Test
    void everyPathTheJvmDockerfileCopiesExists() throws IOException {
        Path dockerfile = Path.of("src/main/docker/Dockerfile.jvm");
        assertThat(DockerfileSources.of(dockerfile)).hasSize(4);
        assertThat(DockerfileSources.missing(dockerfile, Path.of("."))).isEmpty();
    }

    @Test
    void theNativeDockerfileCopiesTheRunner() throws IOException {
        assertThat(DockerfileSources.of(Path.of("src/main/docker/Dockerfile.native")))
                .containsExactly("target/*-runner");
    }
}
