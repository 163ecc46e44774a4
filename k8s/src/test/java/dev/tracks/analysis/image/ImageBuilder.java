package dev.tracks.analysis.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds an image from a Dockerfile without a Docker daemon or a registry: the Debian base of
 * {@code k8s/testbin/base-rootfs} in place of the Dockerfile's FROM (its {@code ARG BASE_IMAGE}), then each
 * instruction as Docker runs it: COPY (with {@code --chown}) and RUN (in runc, as the USER in force, on the root
 * filesystem built so far) each add a layer of what they changed; WORKDIR, USER, ENV, EXPOSE, ENTRYPOINT and CMD set
 * the configuration. The result is an OCI image archive. Needs root (files owned by other users, runc).
 */
public final class ImageBuilder {

    /** The build argument a Dockerfile's FROM takes its base from, so that production keeps its public base. */
    public static final String BASE_ARG = "BASE_IMAGE";

    private final Path context;
    private final Path work;
    private final Path rootfs;
    private final Runc runc;
    private final List<Layer> layers = new ArrayList<>();
    private ImageConfig config = ImageConfig.debianBase();
    private RootfsChanges.Snapshot snapshot;

    private ImageBuilder(Path context, Path work) {
        this.context = context;
        this.work = work;
        this.rootfs = work.resolve("rootfs");
        this.runc = new Runc(work.resolve("runc"));
    }

    /**
     * Builds {@code dockerfile} with {@code context} as its build context into the archive {@code archive}, the image
     * named {@code reference} (e.g. {@code tracks-analysis/worker:dev}). Its work files go to a directory beside the
     * archive, removed at the end.
     */
    public static void build(Path dockerfile, Path context, String reference, Path archive) throws IOException {
        long start = System.nanoTime();
        Dockerfile instructions = Dockerfile.read(dockerfile);
        String marker = "<" + BASE_ARG + ">";
        if (!instructions.from(Map.of(BASE_ARG, marker)).equals(marker)) {
            throw new IllegalArgumentException(dockerfile + ": FROM must name its base as ${" + BASE_ARG + "} (ARG "
                    + BASE_ARG + "=<the public base>), so that the base can be replaced here");
        }
        Files.createDirectories(archive.toAbsolutePath().getParent());
        Path work = Files.createTempDirectory(archive.toAbsolutePath().getParent(), "image-build");
        try {
            ImageBuilder builder = new ImageBuilder(context.toAbsolutePath(), work);
            builder.base();
            for (Dockerfile.Instruction instruction : instructions.instructions()) {
                builder.apply(instruction);
            }
            new OciImage(builder.config, List.copyOf(builder.layers)).writeArchive(archive, reference);
            log(reference + " -> " + archive + " (" + Files.size(archive) / (1024 * 1024) + " MiB, "
                    + builder.layers.size() + " layers) in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } finally {
            ImageCommands.run("rm", "-rf", work.toString());
        }
    }

    private void base() throws IOException {
        long start = System.nanoTime();
        Path tarball = BaseRootfs.tarball();
        Files.createDirectories(rootfs);
        ImageCommands.run("tar", "-xpf", tarball.toString(), "--numeric-owner", "-C", rootfs.toString());
        layers.add(Layer.of(tarball));
        snapshot = RootfsChanges.Snapshot.of(rootfs);
        log("base " + tarball.getFileName() + " unpacked in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void apply(Dockerfile.Instruction instruction) throws IOException {
        long start = System.nanoTime();
        switch (instruction.keyword()) {
            case "ARG", "FROM" -> {
                return;
            }
            case "WORKDIR" -> {
                String directory = absolute(noVariables(instruction).trim());
                config = config.withWorkingDir(directory);
                Files.createDirectories(inRootfs(directory));
            }
            case "COPY" -> copy(instruction);
            case "RUN" -> run(instruction);
            case "USER" -> config = config.withUser(noVariables(instruction).trim());
            case "ENV" -> {
                noVariables(instruction);
                config = config.withEnv(instruction.variables());
            }
            case "EXPOSE" -> config = config.withExposedPorts(instruction.words());
            case "ENTRYPOINT" -> config = config.withEntrypoint(instruction.command());
            case "CMD" -> config = config.withCmd(instruction.command());
            default -> throw new IllegalArgumentException(instruction.keyword() + " is not supported by this builder"
                    + " (ARG, FROM, WORKDIR, COPY, RUN, USER, ENV, EXPOSE, ENTRYPOINT, CMD are)");
        }
        RootfsChanges.Snapshot after = RootfsChanges.Snapshot.of(rootfs);
        RootfsChanges changes = snapshot.to(after);
        snapshot = after;
        if (!changes.isEmpty()) {
            layers.add(Layer.write(rootfs, changes, work.resolve("layer-" + layers.size() + ".tar")));
            log(instruction.keyword() + " " + abbreviated(instruction.arguments()) + ": a layer of "
                    + changes.changed().size() + " paths in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /** COPY [--chown=user[:group]] source destination, as Docker copies: a directory's content, attributes kept. */
    private void copy(Dockerfile.Instruction instruction) throws IOException {
        List<String> words = instruction.words();
        if (words.size() != 2 || words.get(0).matches(".*[*?\\[].*")) {
            throw new IllegalArgumentException("COPY " + instruction.arguments() + ": only one source without"
                    + " wildcards is supported");
        }
        ImageUser owner = instruction.flag("chown").map(spec -> ImageUser.resolve(spec, rootfs))
                .orElse(ImageUser.ROOT);
        Path source = context.resolve(words.get(0));
        String destination = absolute(noVariables(instruction).trim().split("\\s+")[1]);
        Path target = inRootfs(destination);
        if (Files.isDirectory(source)) {
            createDirectories(target, owner);
            try (Stream<Path> tree = Files.walk(source)) {
                for (Path path : tree.filter(path -> !path.equals(source)).toList()) {
                    copyOne(path, target.resolve(source.relativize(path).toString()), owner);
                }
            }
        } else if (Files.isRegularFile(source)) {
            Path file = destination.endsWith("/") ? target.resolve(source.getFileName().toString()) : target;
            createDirectories(file.getParent(), owner);
            copyOne(source, file, owner);
        } else {
            throw new IllegalArgumentException("COPY: " + source + " does not exist");
        }
    }

    private static void copyOne(Path source, Path target, ImageUser owner) throws IOException {
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.copy(source, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
        own(target, owner);
    }

    /** Creates the missing directories up to {@code directory}, owned as the COPY says (Docker does the same). */
    private void createDirectories(Path directory, ImageUser owner) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createDirectories(directory.getParent(), owner);
        Files.createDirectory(directory);
        own(directory, owner);
    }

    private static void own(Path path, ImageUser owner) throws IOException {
        Files.setAttribute(path, "unix:uid", owner.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", owner.gid(), LinkOption.NOFOLLOW_LINKS);
    }

    /** RUN: in runc, on the root filesystem built so far, as the USER in force, with the ENV and WORKDIR so far. */
    private void run(Dockerfile.Instruction instruction) {
        RuntimeSpec spec = RuntimeSpec.buildStep(rootfs, ImageUser.resolve(config.user(), rootfs),
                instruction.command(), config);
        Runc.Ended ended = runc.run("build-" + ProcessHandle.current().pid() + "-" + layers.size(), spec,
                Duration.ofMinutes(10));
        if (ended.exitCode() != 0) {
            throw new IllegalStateException("RUN " + instruction.arguments() + " exited with " + ended.exitCode()
                    + ":\n" + ended.output());
        }
        log("RUN output:\n" + ended.output().strip());
    }

    /** A path inside the root filesystem; fails for one that leaves it (a symbolic link to the host's files). */
    private Path inRootfs(String absolutePath) throws IOException {
        Path path = rootfs.resolve(absolutePath.substring(1)).normalize();
        Path existing = path;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(rootfs.toRealPath())) {
            throw new IllegalArgumentException(absolutePath + " leads out of the image's root filesystem");
        }
        return path;
    }

    private String absolute(String path) {
        return path.startsWith("/") ? path : config.workingDir().replaceAll("/?$", "/") + path;
    }

    /** Variables are substituted only in FROM here; elsewhere a '$' would silently mean something else. */
    private static String noVariables(Dockerfile.Instruction instruction) {
        if (instruction.arguments().contains("$")) {
            throw new IllegalArgumentException(instruction.keyword() + " " + instruction.arguments()
                    + ": variables are substituted only in FROM by this builder");
        }
        return instruction.arguments();
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static void log(String message) {
        System.out.println("[image] " + message);
    }
}
