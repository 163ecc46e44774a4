package dev.tracks.analysis.node;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * PostgreSQL for the real node's pods: zonky's embedded server on the host (not in a pod: no PostgreSQL image is
 * built here), listening on all addresses, letting the pod network in with a password (scram-sha-256) and the host
 * without, reached from the pods through a Service without selector whose EndpointSlice names the host's address,
 * as a cluster reaches a database outside it.
 */
public final class HostDatabase implements AutoCloseable {

    public static final String SERVICE = "postgresql";
    public static final int SERVICE_PORT = 5432;

    private final EmbeddedPostgres server;
    private final String database;

    private HostDatabase(EmbeddedPostgres server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Starts the server with the database {@code database} owned by the user {@code user}. */
    public static HostDatabase start(Path work, String database, String user, String password) {
        try {
            Path hba = Files.createDirectories(work).resolve("pg_hba.conf");
            Files.writeString(hba, """
                    local all all trust
                    host all all 127.0.0.1/32 trust
                    host all all ::1/128 trust
                    host %s %s %s scram-sha-256
                    """.formatted(database, user, NodeFiles.POD_SUBNET));
            EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "*")
                    .setServerConfig("hba_file", hba.toString()).start();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
                statement.execute("CREATE DATABASE " + database + " OWNER " + user);
            }
            return new HostDatabase(server, database);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database", e);
        }
    }

    /**
     * Creates the Service {@value #SERVICE} in {@code namespace}, whose endpoint is this server on the host, and
     * returns its cluster IP (no cluster DNS runs here: pods reach Services by address).
     */
    public String expose(KubernetesClient client, String namespace, String hostIp) {
        client.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(SERVICE)
                .endMetadata().withNewSpec().addNewPort().withProtocol("TCP").withPort(SERVICE_PORT)
                .withTargetPort(new IntOrString(server.getPort())).endPort().endSpec().build()).create();
        client.discovery().v1().endpointSlices().inNamespace(namespace).resource(new EndpointSliceBuilder()
                .withNewMetadata().withName(SERVICE + "-host").addToLabels("kubernetes.io/service-name", SERVICE)
                .endMetadata().withAddressType("IPv4").addNewEndpoint().withAddresses(hostIp).endEndpoint()
                .addNewPort().withProtocol("TCP").withPort(server.getPort()).endPort().build()).create();
        return client.services().inNamespace(namespace).withName(SERVICE).get().getSpec().getClusterIP();
    }

    /** The database, as the superuser, from the host. */
    public DataSource dataSource() {
        return server.getDatabase("postgres", database);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
