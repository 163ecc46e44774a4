package dev.tracks.analysis.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.image.DockerfileSources;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every path the operator's Dockerfile copies exists after {@code package} (images are not built here). */
class OperatorImageIT {

    @Test
    void everyPathTheDockerfileCopiesExists() throws IOException {
        Path dockerfile = Path.of("src/main/docker/Dockerfile.jvm");
        assertThat(DockerfileSources.of(dockerfile)).contains("target/quarkus-app/lib/",
                "target/quarkus-app/quarkus-run.jar");
        assertThat(DockerfileSources.missing(dockerfile, Path.of("."))).isEmpty();
    }
}
