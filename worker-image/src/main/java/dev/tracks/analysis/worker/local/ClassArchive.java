package dev.tracks.analysis.worker.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The worker's class data archive (AppCDS: {@code tracks-worker.jsa} next to the jar, made by the module's package)
 * for the local mode's worker processes: with it a worker JVM maps the classes of a run instead of loading them from
 * the jars. An archive fits only the JVM build and the jar files it was made from, and a JVM given one that does not
 * fit silently starts without any shared classes, slower than with none given. So it is checked once, by a JVM that
 * must use it ({@code -Xshare:on}), while PostgreSQL starts; the workers get it only if that succeeded.
 */
final class ClassArchive {

    /** The archive's file name, as worker-image/pom.xml makes it next to the jar. */
    static final String FILE_NAME = "tracks-worker.jsa";

    private final Path archive;
    private final Process check;

    private ClassArchive(Path archive, Process check) {
        this.archive = archive;
        this.check = check;
    }

    /** Starts the check of the archive next to {@code workerJar}; empty when there is none. */
    static Optional<ClassArchive> check(Path workerJar) throws IOException {
        Path archive = workerJar.resolveSibling(FILE_NAME);
        if (!Files.isRegularFile(archive)) {
            return Optional.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process check = new ProcessBuilder(List.of(java.toString(), "-Xshare:on", option(archive), "-jar",
                workerJar.toString(), "--version")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return Optional.of(new ClassArchive(archive, check));
    }

    /** The JVM option that gives the workers the archive, if the check passed. */
    Optional<String> workerOption() throws InterruptedException {
        boolean ended = check.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            check.destroyForcibly();
        }
        return ended && check.exitValue() == 0 ? Optional.of(option(archive)) : Optional.empty();
    }

    Path file() {
        return archive;
    }

    private static String option(Path archive) {
        return "-XX:SharedArchiveFile=" + archive;
    }
}
