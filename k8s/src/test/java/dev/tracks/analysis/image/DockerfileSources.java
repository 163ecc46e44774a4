package dev.tracks.analysis.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The paths a Dockerfile copies from its build context. Each module's image test checks after {@code package} that
 * these exist (the check that keeps a Dockerfile in step with the build), also for images that are not built here
 * (the native one). Shared with the other modules' tests through the test-jar.
 */
public final class DockerfileSources {

    private DockerfileSources() {
    }

    /** The source of every single-source COPY instruction, in order. */
    public static List<String> of(Path dockerfile) throws IOException {
        return Dockerfile.read(dockerfile).all("COPY").stream().map(Dockerfile.Instruction::words)
                .filter(words -> words.size() == 2).map(words -> words.get(0)).toList();
    }

    /** The sources that do not exist relative to {@code context}. */
    public static List<String> missing(Path dockerfile, Path context) throws IOException {
        return of(dockerfile).stream().filter(source -> !Files.exists(context.resolve(source))).toList();
    }
}
