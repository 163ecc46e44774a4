package dev.tracks.analysis.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where {@code k8s/testbin/install} put the Kubernetes binaries, and which version: the pinned versions live in
 * {@code k8s/testbin/versions.env}, read by the install script and by the tests alike.
 */
public record TestBinaries(String kubernetesVersion, Path directory) {

    static final String VERSIONS_FILE = "k8s/testbin/versions.env";

    /**
     * Set (to true) by the build in the fast tier, where every test that reaches the binaries should have been left
     * out by its tag.
     */
    static final String EXCLUDED_PROPERTY = "tracks.controlPlane.excluded";

    /** The binaries; fails a test that reaches them in the fast tier, because it lacks its tag. */
    public static TestBinaries locate() {
        if (Boolean.getBoolean(EXCLUDED_PROPERTY)) {
            throw new IllegalStateException("this test uses the Kubernetes control plane but is not tagged "
                    + UsesControlPlane.TAG + ", so the fast tier (-DexcludedGroups=" + UsesControlPlane.TAG
                    + ") runs it: annotate its class with @RealKubernetes or @UsesControlPlane");
        }
        Properties versions = new Properties();
        Path file = repositoryRoot().resolve(VERSIONS_FILE);
        try (var reader = Files.newBufferedReader(file)) {
            versions.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String version = unquote(versions.getProperty("K8S_VERSION"));
        String base = System.getenv().getOrDefault("KUBE_API_TEST_DIR",
                Path.of(System.getProperty("user.home"), ".kubeapitest").toString());
        Path directory = Path.of(base, "k8s", version + "-linux-amd64");
        TestBinaries binaries = new TestBinaries(version, directory);
        for (String binary : new String[] {"kube-apiserver", "etcd", "kubectl", "kube-controller-manager",
                "kube-scheduler", "helm"}) {
            if (!Files.isExecutable(binaries.path(binary))) {
                throw new IllegalStateException("missing " + binaries.path(binary)
                        + ": build the test binaries with k8s/testbin/install (needs Go; the first run takes"
                        + " 20-40 minutes, later runs seconds)");
            }
        }
        return binaries;
    }

    public Path path(String binary) {
        return directory.resolve(binary);
    }

    /** The checkout's root: the nearest parent of the working directory that holds the versions file. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(VERSIONS_FILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(VERSIONS_FILE + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String unquote(String value) {
        if (value == null) {
            throw new IllegalStateException("K8S_VERSION missing in " + VERSIONS_FILE);
        }
        return value.replace("\"", "").trim();
    }
}
