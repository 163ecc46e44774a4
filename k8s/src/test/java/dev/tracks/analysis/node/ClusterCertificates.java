package dev.tracks.analysis.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The certificates of the API server a real node joins, made with openssl into the directory kube-api-test takes
 * them from (it generates its own only when these files are missing). Its own would not do: its serving
 * certificate names only 127.0.0.1 and the kubernetes.default names, while pods reach the API server at the
 * kubernetes Service's address; and its client certificate, which is also the API server's client CA, cannot sign
 * another (it is no CA), while the kubelet and kube-proxy need credentials of their own.
 */
final class ClusterCertificates {

    /** The file names kube-api-test uses: serving certificate and key, admin client certificate and key. */
    static final String SERVING_CERT = "apiserver.crt";
    static final String SERVING_KEY = "apiserver.key";
    static final String CLIENT_CA_CERT = "client.crt";
    static final String CLIENT_CA_KEY = "client.key";

    private final Path directory;

    private ClusterCertificates(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes the serving certificate (self-signed; its own trust anchor, as kube-api-test's is) for {@code ips} and
     * the kubernetes names, and the admin client certificate (O=system:masters), which is a CA, so that it can sign
     * the node's.
     */
    static ClusterCertificates create(Path directory, List<String> ips) {
        ClusterCertificates certificates = new ClusterCertificates(directory);
        certificates.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", SERVING_KEY, "-out", SERVING_CERT, "-subj", "/CN=tracks-test-apiserver",
                "-addext", "subjectAltName=" + NodeFiles.subjectAltNames(ips),
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign",
                "-addext", "extendedKeyUsage=serverAuth");
        certificates.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", CLIENT_CA_KEY, "-out", CLIENT_CA_CERT, "-subj", "/O=system:masters/CN=kubeapitest",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign",
                "-addext", "extendedKeyUsage=clientAuth");
        return certificates;
    }

    Path servingCertificate() {
        return directory.resolve(SERVING_CERT);
    }

    /**
     * A client certificate and key ({@code <name>.crt}, {@code <name>.key}) for the user {@code commonName} in the
     * group {@code organization}, signed by the client CA: the API server authenticates it as that user.
     */
    Path[] issueClient(String name, String commonName, String organization) {
        try {
            Path extensions = Files.writeString(directory.resolve(name + ".ext"),
                    "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n");
            openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                    "-subj", (organization.isEmpty() ? "" : "/O=" + organization) + "/CN=" + commonName);
            openssl("x509", "-req", "-in", name + ".csr", "-CA", CLIENT_CA_CERT, "-CAkey", CLIENT_CA_KEY,
                    "-set_serial", String.valueOf(System.nanoTime()), "-days", "2", "-extfile",
                    extensions.toString(), "-out", name + ".crt");
            return new Path[] {directory.resolve(name + ".crt"), directory.resolve(name + ".key")};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openssl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (Debian package openssl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
