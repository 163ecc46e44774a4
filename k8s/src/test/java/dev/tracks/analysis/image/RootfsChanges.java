package dev.tracks.analysis.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an instruction changed in a root filesystem: the paths added or modified (their content, owner, mode or type)
 * and the paths removed, found by comparing the state of every path before and after it, as a layer records them.
 */
record RootfsChanges(List<String> changed, List<String> removed) {

    /** The state of each path (relative, '/'-separated) under a root filesystem. */
    record Snapshot(Map<String, Map<String, Object>> states) {

        static Snapshot of(Path rootfs) {
            Map<String, Map<String, Object>> states = new TreeMap<>();
            try {
                Files.walkFileTree(rootfs, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                            throws IOException {
                        record(dir);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        record(file);
                        return FileVisitResult.CONTINUE;
                    }

                    private void record(Path path) throws IOException {
                        if (!path.equals(rootfs)) {
                            // ctime changes with any change of content, owner or mode; ino with a replacement.
                            states.put(rootfs.relativize(path).toString(), Files.readAttributes(path,
                                    "unix:mode,uid,gid,size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS));
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + rootfs, e);
            }
            return new Snapshot(states);
        }

        /** What changed from this snapshot to {@code after}; of a removed tree only its top is listed. */
        RootfsChanges to(Snapshot after) {
            List<String> changed = after.states.entrySet().stream()
                    .filter(entry -> !Objects.equals(states.get(entry.getKey()), entry.getValue()))
                    .map(Map.Entry::getKey).toList();
            List<String> removed = states.keySet().stream().filter(path -> !after.states.containsKey(path))
                    .filter(path -> path.indexOf('/') < 0
                            || after.states.containsKey(path.substring(0, path.lastIndexOf('/'))))
                    .toList();
            return new RootfsChanges(changed, removed);
        }
    }

    boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty();
    }
}
