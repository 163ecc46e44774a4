package dev.tracks.analysis.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.image.DockerfileSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the worker's Dockerfile copies exists after {@code package}, and the packaged program starts as the image
 * starts it ({@code java -jar tracks-worker.jar}). Images cannot be built here (no container runtime), so this is
 * the check that keeps the Dockerfile in step with the build.
 */
class WorkerImageIT {

    @Test
    void everyPathTheDockerfileCopiesExists() throws IOException {
        assertThat(DockerfileSources.of(Path.of("Dockerfile"))).containsExactly("target/lib/",
                "target/tracks-worker.jar", "target/tracks-worker.classlist");
        assertThat(DockerfileSources.missing(Path.of("Dockerfile"), Path.of("."))).isEmpty();
        assertThat(Files.list(Path.of("target/lib"))).anyMatch(jar -> jar.getFileName().toString()
                .startsWith("postgresql-"));
    }

    /**
     * The image's class archive, made as its Dockerfile makes it (from the package's class list, by the JVM that runs
     * it), and the package's own (for the local mode): a JVM that must use them ({@code -Xshare:on}) starts, and the
     * worker's classes come from the archive, not from the jars.
     */
    @Test
    void theClassArchivesAreMadeFromTheTrainingRunAndUsed(@TempDir Path dir) throws IOException,
            InterruptedException {
        assertThat(Files.readAllLines(Path.of("target/tracks-worker.classlist"))).as("the training run's classes")
                .contains("dev/tracks/analysis/worker/run/SkillRun", "dev/tracks/analysis/worker/stay/StayDetection",
                        "org/postgresql/jdbc/PgConnection");
        Path imageArchive = dir.resolve("tracks-worker.jsa");
        Ended dump = java(dir, "-Xshare:dump", "-XX:SharedClassListFile=target/tracks-worker.classlist",
                "-XX:SharedArchiveFile=" + imageArchive, "-cp", "target/tracks-worker.jar");
        assertThat(dump.exitCode()).as(dump.output()).isZero();

        for (Path archive : List.of(imageArchive, Path.of("target/tracks-worker.jsa"))) {
            Ended run = java(dir, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load", "-jar",
                    "target/tracks-worker.jar", "skills");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).as(archive.toString())
                    .contains(WorkerCommand.class.getName() + " source: shared objects file");
        }
    }

    private record Ended(int exitCode, String output) {
    }

    /** Runs java with these arguments to its end. */
    private static Ended java(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(dir, "java", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Ended(process.exitValue(), Files.readString(output));
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
