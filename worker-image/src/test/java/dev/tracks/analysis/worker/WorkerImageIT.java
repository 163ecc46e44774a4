package dev.tracks.analysis.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.image.BuiltImage;
import dev.tracks.analysis.image.ContainerChecks;
import dev.tracks.analysis.image.Dockerfile;
import dev.tracks.analysis.image.DockerfileSources;
import dev.tracks.analysis.image.Runc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's image, really built and run: built from the Dockerfile as it stands (its RUN, the class archive dump,
 * really runs in runc as user 185) on the Debian base in place of the public one, written as an OCI archive
 * (target/images/worker.oci.tar), read back, unpacked and run with runc as the chart's Job pods run it: user 185, a
 * read-only root filesystem, a tmpfs /tmp for the emptyDir, no capabilities. What is not real: the base (Debian's
 * Java 17, not UBI's) and the runtime around runc (no kubelet, no containerd). Also checks what the Dockerfile copies
 * exists after {@code package}, and that the packaged program starts as the image starts it.
 */
class WorkerImageIT {


    @RegisterExtension
    static final BuiltImage IMAGE = new BuiltImage(Path.of("Dockerfile"), "tracks/worker:dev");

    @Test
    void theImageIsTheDockerfilesOnTheDebianBase() throws IOException {
        assertThat(Dockerfile.read(Path.of("Dockerfile")).from(Map.of())).as("production keeps its public base")
                .isEqualTo("registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23");
        assertThat(IMAGE.image().config().user()).isEqualTo("185");
        assertThat(IMAGE.image().config().workingDir()).isEqualTo("/deployments");
        assertThat(IMAGE.image().config().command()).containsExactly("java", "-jar", "/deployments/tracks-worker.jar",
                "--help");
        assertThat(IMAGE.image().config().env()).anyMatch(variable -> variable.startsWith("JAVA_TOOL_OPTIONS=")
                && variable.contains("-XX:SharedArchiveFile=/deployments/tracks-worker.jsa"));
        assertThat(IMAGE.image().layers()).as("the base, three COPY and the RUN").hasSize(5);
        // The RUN's class archive, made by the image's own JVM as user 185.
        Path archive = IMAGE.rootfs().resolve("deployments/tracks-worker.jsa");
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        assertThat(Files.getAttribute(archive, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(185);
        assertThat(Files.getAttribute(IMAGE.rootfs().resolve("deployments/lib"), "unix:uid")).as("COPY --chown=185")
                .isEqualTo(185);
    }

    @Test
    void itsEntryPointPrintsTheUsageAsUser185OnAReadOnlyRoot() {
        Runc.Ended help = IMAGE.run(IMAGE.pod(List.of(), Map.of(), false));
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: tracks-worker", "run", "analyze");
    }

    /** The archive the RUN made fits the image's JVM: a JVM that must use it starts, its classes come from it. */
    @Test
    void itsJvmMapsTheClassArchiveMadeAtBuildTime() {
        Runc.Ended version = IMAGE.run(IMAGE.pod(List.of("java", "-Xshare:on", "-Xlog:class+load", "-jar",
                "/deployments/tracks-worker.jar", "--version"), Map.of(), false));
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains(WorkerCommand.class.getName() + " source: shared objects file");
    }

    @Test
    void itRunsAsUser185WithOnlyTmpWritable() {
        ContainerChecks.assertNonRootWithOnlyTmpWritable(IMAGE.run(IMAGE.pod(ContainerChecks.WRITE_PROBE, Map.of(),
                false)));
    }

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
