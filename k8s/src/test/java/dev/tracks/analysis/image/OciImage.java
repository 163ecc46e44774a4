package dev.tracks.analysis.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An OCI image: its configuration and its layers, base first. Written as an OCI image archive (a tar of an OCI image
 * layout: {@code oci-layout}, {@code index.json}, {@code blobs/sha256/...}), which {@code ctr -n k8s.io images import}
 * takes as it is; read back from one and unpacked into a root filesystem as a container runtime does.
 */
public record OciImage(ImageConfig config, List<Layer> layers) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";

    /**
     * Writes the archive; {@code reference} ({@code tracks-analysis/worker:dev}) names the image for containerd
     * ({@code io.containerd.image.name}, as docker.io/...) and its tag for other tools
     * ({@code org.opencontainers.image.ref.name}).
     */
    public void writeArchive(Path archive, String reference) {
        Map<String, Object> configBlob = new LinkedHashMap<>();
        configBlob.put("architecture", "amd64");
        configBlob.put("os", "linux");
        configBlob.put("config", config.toJson());
        configBlob.put("rootfs", Map.of("type", "layers", "diff_ids", layers.stream().map(Layer::digest).toList()));
        byte[] configBytes = json(configBlob);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST_TYPE);
        manifest.put("config", descriptor(CONFIG_TYPE, digest(configBytes), configBytes.length));
        manifest.put("layers", layers.stream().map(layer -> descriptor(Layer.MEDIA_TYPE, layer.digest(),
                layer.size())).toList());
        byte[] manifestBytes = json(manifest);

        Map<String, Object> manifestDescriptor = descriptor(MANIFEST_TYPE, digest(manifestBytes),
                manifestBytes.length);
        manifestDescriptor.put("annotations", Map.of("io.containerd.image.name", "docker.io/" + reference,
                "org.opencontainers.image.ref.name", reference.substring(reference.lastIndexOf(':') + 1)));
        manifestDescriptor.put("platform", Map.of("architecture", "amd64", "os", "linux"));
        byte[] index = json(Map.of("schemaVersion", 2, "mediaType", "application/vnd.oci.image.index.v1+json",
                "manifests", List.of(manifestDescriptor)));

        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(
                Files.newOutputStream(partial)))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            add(tar, "oci-layout", json(Map.of("imageLayoutVersion", "1.0.0")));
            add(tar, "index.json", index);
            add(tar, blob(digest(manifestBytes)), manifestBytes);
            add(tar, blob(digest(configBytes)), configBytes);
            for (Layer layer : layers) {
                TarArchiveEntry entry = new TarArchiveEntry(blob(layer.digest()));
                entry.setSize(layer.size());
                tar.putArchiveEntry(entry);
                Files.copy(layer.file(), tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + archive, e);
        }
        try {
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + archive, e);
        }
    }

    /**
     * Reads an archive, whose blobs are extracted into {@code directory}: index, manifest, configuration, and the
     * layers, each checked against its digest as containerd does on import.
     */
    @SuppressWarnings("unchecked")
    public static OciImage readArchive(Path archive, Path directory) {
        ImageCommands.run("tar", "-xf", archive.toString(), "-C", directory.toString());
        Map<String, Object> index = read(directory.resolve("index.json"));
        List<Map<String, Object>> manifests = (List<Map<String, Object>>) index.get("manifests");
        Map<String, Object> manifest = read(directory.resolve(blob((String) manifests.get(0).get("digest"))));
        Map<String, Object> configBlob = read(directory.resolve(blob((String) ((Map<String, Object>) manifest
                .get("config")).get("digest"))));
        List<Layer> layers = new ArrayList<>();
        for (Map<String, Object> descriptor : (List<Map<String, Object>>) manifest.get("layers")) {
            Layer layer = Layer.of(directory.resolve(blob((String) descriptor.get("digest"))));
            if (!layer.digest().equals(descriptor.get("digest"))) {
                throw new IllegalStateException(archive + ": layer " + descriptor.get("digest") + " has digest "
                        + layer.digest());
            }
            layers.add(layer);
        }
        return new OciImage(ImageConfig.fromJson((Map<String, Object>) configBlob.get("config")), List.copyOf(layers));
    }

    /** Applies the layers in order into {@code rootfs}: each one's whiteouts remove paths, then it is extracted. */
    public void unpack(Path rootfs) {
        for (Layer layer : layers) {
            applyWhiteouts(layer.file(), rootfs);
            ImageCommands.run("tar", "-xpf", layer.file().toString(), "--numeric-owner", "--exclude=.wh.*", "-C",
                    rootfs.toString());
        }
    }

    private static void applyWhiteouts(Path layer, Path rootfs) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(layer))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (!base.startsWith(".wh.")) {
                    continue;
                }
                Path directory = rootfs.resolve(name.substring(0, name.length() - base.length()));
                if (base.equals(".wh..wh..opq")) {
                    try (var children = Files.list(directory)) {
                        for (Path child : children.toList()) {
                            ImageCommands.run("rm", "-rf", child.toString());
                        }
                    }
                } else {
                    ImageCommands.run("rm", "-rf", directory.resolve(base.substring(".wh.".length())).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layer, e);
        }
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest);
        descriptor.put("size", size);
        return descriptor;
    }

    private static String blob(String digest) {
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String digest(byte[] content) {
        try (OutputStream sink = Layer.digesting(OutputStream.nullOutputStream())) {
            sink.write(content);
            return Layer.digestOf(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
