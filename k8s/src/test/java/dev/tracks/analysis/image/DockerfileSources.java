package dev.tracks.analysis.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths a Dockerfile copies from its build context. Images cannot be built here (no container runtime), so each
 * module's image test checks after {@code package} that these exist: the check that keeps a Dockerfile in step with
 * the build. Shared with the other modules' tests through the test-jar.
 */
public final class DockerfileSources {

    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+\\s*$");

    private DockerfileSources() {
    }

    /** The source of every single-source COPY instruction, in order. */
    public static List<String> of(Path dockerfile) throws IOException {
        return Files.readAllLines(dockerfile).stream().map(COPY::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
    }

    /** The sources that do not exist relative to {@code context}. */
    public static List<String> missing(Path dockerfile, Path context) throws IOException {
        return of(dockerfile).stream().filter(source -> !Files.exists(context.resolve(source))).toList();
    }
}
