package dev.tracks.analysis.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.controlplane.TestBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dockerfile reading the image builder relies on, on the project's own Dockerfiles and on edge cases. */
class DockerfileTest {

    private static final String UBI = "registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23";

    @Test
    void theProjectsDockerfilesTakeTheirPublicBaseAsABuildArgument() throws IOException {
        Path root = TestBinaries.repositoryRoot();
        for (String file : List.of("worker-image/Dockerfile", "operator/src/main/docker/Dockerfile.jvm",
                "api-service/src/main/docker/Dockerfile.jvm")) {
            Dockerfile dockerfile = Dockerfile.read(root.resolve(file));
            assertThat(dockerfile.from(Map.of())).as(file).isEqualTo(UBI);
            assertThat(dockerfile.from(Map.of(ImageBuilder.BASE_ARG, "debian"))).as(file).isEqualTo("debian");
            assertThat(dockerfile.all("USER")).as(file).singleElement()
                    .satisfies(user -> assertThat(user.arguments()).isEqualTo("185"));
            assertThat(dockerfile.all("ENTRYPOINT").get(0).command()).as(file + ": plain java, no run-java.sh")
                    .startsWith("java");
        }
    }

    @Test
    void continuedLinesFlagsQuotedVariablesAndBothCommandForms(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                "# a comment",
                "ARG BASE=debian:12",
                "FROM ${BASE}",
                "COPY --chown=185:0 --chmod=0755 a/ /b/",
                "ENV A=\"x y\" B='z' C=plain",
                "RUN echo one \\",
                "&& echo two",
                "ENTRYPOINT [\"java\", \\",
                "    \"-jar\", \"app.jar\"]",
                ""));
        Dockerfile dockerfile = Dockerfile.read(file);
        assertThat(dockerfile.from(Map.of())).isEqualTo("debian:12");
        assertThat(dockerfile.from(Map.of("BASE", "other"))).isEqualTo("other");
        Dockerfile.Instruction copy = dockerfile.all("COPY").get(0);
        assertThat(copy.flags()).isEqualTo(Map.of("chown", "185:0", "chmod", "0755"));
        assertThat(copy.words()).containsExactly("a/", "/b/");
        assertThat(dockerfile.all("ENV").get(0).variables()).containsExactly(Map.entry("A", "x y"),
                Map.entry("B", "z"), Map.entry("C", "plain"));
        assertThat(dockerfile.all("RUN").get(0).command()).containsExactly("/bin/sh", "-c",
                "echo one && echo two");
        assertThat(dockerfile.all("ENTRYPOINT").get(0).command()).containsExactly("java", "-jar", "app.jar");
    }

    @Test
    void aFromVariableWithoutAnArgIsAnError(@TempDir Path dir) throws IOException {
        Dockerfile dockerfile = Dockerfile.read(Files.writeString(dir.resolve("Dockerfile"), "FROM ${NOPE}\n"));
        assertThatThrownBy(() -> dockerfile.from(Map.of())).hasMessageContaining("$NOPE");
    }
}
