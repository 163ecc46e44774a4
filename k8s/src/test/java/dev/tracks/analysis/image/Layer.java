package dev.tracks.analysis.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An image layer: an uncompressed tar file ({@code application/vnd.oci.image.layer.v1.tar}) and its digest, which is
 * also its diff id. Removed paths are recorded as whiteout files ({@code .wh.NAME}), as the OCI image spec says.
 */
public record Layer(Path file, String digest, long size) {

    public static final String MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar";

    /** A layer made elsewhere (the base), digested here. */
    static Layer of(Path file) {
        try (OutputStream sink = digesting(OutputStream.nullOutputStream());
             InputStream in = Files.newInputStream(file)) {
            in.transferTo(sink);
            sink.close();
            return new Layer(file, digestOf(sink), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The layer that records {@code changes} of {@code rootfs}, written to {@code file}. */
    static Layer write(Path rootfs, RootfsChanges changes, Path file) {
        try (OutputStream sink = digesting(new BufferedOutputStream(Files.newOutputStream(file)))) {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (String path : changes.changed()) {
                    addEntry(tar, rootfs, path);
                }
                for (String path : changes.removed()) {
                    int slash = path.lastIndexOf('/');
                    tar.putArchiveEntry(new TarArchiveEntry(path.substring(0, slash + 1) + ".wh."
                            + path.substring(slash + 1)));
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            return new Layer(file, digestOf(sink), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the layer " + file, e);
        }
    }

    private static void addEntry(TarArchiveOutputStream tar, Path rootfs, String path) throws IOException {
        Path source = rootfs.resolve(path);
        Map<String, Object> attributes = Files.readAttributes(source, "unix:mode,uid,gid,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry;
        boolean regular = false;
        if (Files.isSymbolicLink(source)) {
            entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(source).toString());
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            entry = new TarArchiveEntry(path + "/");
        } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            entry = new TarArchiveEntry(path);
            entry.setSize(Files.size(source));
            regular = true;
        } else {
            throw new IllegalStateException("cannot put " + path + " in a layer: only files, directories and"
                    + " symbolic links are supported");
        }
        entry.setMode((entry.getMode() & ~07777) | ((Integer) attributes.get("mode") & 07777));
        entry.setIds((Integer) attributes.get("uid"), (Integer) attributes.get("gid"));
        entry.setModTime((FileTime) attributes.get("lastModifiedTime"));
        tar.putArchiveEntry(entry);
        if (regular) {
            Files.copy(source, tar);
        }
        tar.closeArchiveEntry();
    }

    static OutputStream digesting(OutputStream out) {
        try {
            return new DigestOutputStream(out, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "sha256:<hex>" of what went through a stream made by {@link #digesting}. */
    static String digestOf(OutputStream sink) {
        return "sha256:" + HexFormat.of().formatHex(((DigestOutputStream) sink).getMessageDigest().digest());
    }
}
