package dev.tracks.analysis.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The numeric user and group a Dockerfile's USER or {@code COPY --chown} names, resolved as Docker and containerd do:
 * a name through the image's /etc/passwd and /etc/group; a user without a group takes its primary group from
 * /etc/passwd, or (numeric and unknown there) a group of the same number.
 */
public record ImageUser(int uid, int gid) {

    public static final ImageUser ROOT = new ImageUser(0, 0);

    /** {@code user[:group]}, names or numbers; empty means root. */
    public static ImageUser resolve(String spec, Path rootfs) {
        if (spec.isEmpty()) {
            return ROOT;
        }
        String[] parts = spec.split(":", 2);
        Optional<String[]> passwd = entry(rootfs.resolve("etc/passwd"), parts[0]);
        int uid = passwd.map(fields -> Integer.parseInt(fields[2])).orElseGet(() -> number(parts[0], "user", spec));
        if (parts.length == 2) {
            int gid = entry(rootfs.resolve("etc/group"), parts[1]).map(fields -> Integer.parseInt(fields[2]))
                    .orElseGet(() -> number(parts[1], "group", spec));
            return new ImageUser(uid, gid);
        }
        return new ImageUser(uid, passwd.map(fields -> Integer.parseInt(fields[3])).orElse(uid));
    }

    /** The line of a passwd or group file whose name (or, for a number, id) is {@code key}, split at ':'. */
    private static Optional<String[]> entry(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.split(":"))
                    .filter(fields -> fields.length > 3 && (fields[0].equals(key) || fields[2].equals(key)))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int number(String value, String what, String spec) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + value + "' in '" + spec
                    + "': not in the image's /etc/passwd or /etc/group, and not a number", e);
        }
    }
}
