package dev.tracks.analysis.worker.scale;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A GeoLife tree ({@code <user>/Trajectory/*.plt}) copied k times under new user ids, so that k times the users with
 * the same traces make k times the work. Copy c of user u is user {@code u + c * stride} (stride: the next power of
 * ten above the largest id), zero-padded to the width of the source's names: copy 0 keeps the original ids, and ids
 * stay integers, which trackintel's {@code read_geolife} requires. Files are hard links where the file system allows
 * (the content is the same; nothing is written twice), otherwise copies.
 *
 * @param root the tree
 * @param users the user folders in it
 * @param fixes the data rows of all its PLT files (each file's 6 header lines excluded)
 */
record ScaledGeoLife(Path root, int users, long fixes) {

    private static final int PLT_HEADER_LINES = 6;

    /** Builds the tree of {@code scale} copies of {@code source} at {@code root}, an empty directory. */
    static ScaledGeoLife build(Path source, int scale, Path root) throws IOException {
        List<Path> userDirs = userDirs(source);
        int largest = userDirs.stream().mapToInt(ScaledGeoLife::userId).max().orElseThrow();
        int stride = 10;
        while (stride <= largest) {
            stride *= 10;
        }
        int width = userDirs.stream().mapToInt(dir -> dir.getFileName().toString().length()).max().orElseThrow();
        long fixes = 0;
        for (Path userDir : userDirs) {
            for (Path plt : trajectoryFiles(userDir)) {
                fixes += dataRows(plt) * (long) scale;
                for (int copy = 0; copy < scale; copy++) {
                    String user = String.format("%0" + width + "d", userId(userDir) + copy * stride);
                    Path target = root.resolve(user).resolve("Trajectory").resolve(plt.getFileName().toString());
                    Files.createDirectories(target.getParent());
                    linkOrCopy(plt, target);
                }
            }
        }
        return new ScaledGeoLife(root, userDirs.size() * scale, fixes);
    }

    /** Reads every file once, so that neither side of the comparison pays for a cold page cache. */
    void warmUp() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.readAllBytes(file);
            }
        }
    }

    private static List<Path> userDirs(Path source) throws IOException {
        try (Stream<Path> dirs = Files.list(source)) {
            List<Path> users = dirs.filter(dir -> Files.isDirectory(dir.resolve("Trajectory"))).sorted().toList();
            if (users.isEmpty()) {
                throw new IOException(source + ": no GeoLife user folders (<user>/Trajectory/*.plt)");
            }
            users.forEach(ScaledGeoLife::userId);
            return users;
        }
    }

    private static int userId(Path userDir) {
        String name = userDir.getFileName().toString();
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(userDir + ": a GeoLife user folder's name must be an integer", e);
        }
    }

    private static List<Path> trajectoryFiles(Path userDir) throws IOException {
        try (Stream<Path> files = Files.list(userDir.resolve("Trajectory"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".plt")).sorted().toList();
        }
    }

    private static long dataRows(Path plt) throws IOException {
        try (Stream<String> lines = Files.lines(plt)) {
            return lines.skip(PLT_HEADER_LINES).filter(line -> !line.isBlank()).count();
        }
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileSystemException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
    }
}
