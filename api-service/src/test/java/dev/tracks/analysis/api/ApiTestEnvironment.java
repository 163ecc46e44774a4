package dev.tracks.analysis.api;

import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.schema.TestDatabase;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The API service's real surroundings for its tests: a fresh database on the embedded PostgreSQL and the real
 * kube-apiserver (kube-api-test, with the generated CRD applied), both shared by all tests of the module so that the
 * service boots once.
 */
public class ApiTestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "api_service";
    public static final String NAMESPACE = "tracks-api-test";
    /** Small, so that the tests can send a file above it. */
    public static final long MAX_UPLOAD_BYTES = 100_000;

    @Override
    public Map<String, String> start() {
        TestDatabase.emptyDatabase(DATABASE);
        ControlPlane controlPlane = ControlPlane.apiServer();
        controlPlane.applyTaskCrd();
        controlPlane.kubectl("create", "namespace", NAMESPACE);
        Config config = controlPlane.client().getConfiguration();
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", TestDatabase.jdbcUrl(DATABASE));
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "");
        properties.put("quarkus.kubernetes-client.api-server-url", config.getMasterUrl());
        putEither(properties, "ca-cert", config.getCaCertData(), config.getCaCertFile());
        putEither(properties, "client-cert", config.getClientCertData(), config.getClientCertFile());
        putEither(properties, "client-key", config.getClientKeyData(), config.getClientKeyFile());
        properties.put("tracks.api.namespace", NAMESPACE);
        properties.put("tracks.api.tokens", "ci:" + TestIdentities.ADMIN_TOKEN);
        properties.put("tracks.api.admin-role", TestIdentities.ADMIN_ROLE);
        properties.put("quarkus.oidc.tenant-enabled", "true");
        properties.put("quarkus.oidc.public-key", TestIdentities.publicKey());
        properties.put("tracks.api.max-upload-bytes", String.valueOf(MAX_UPLOAD_BYTES));
        return properties;
    }

    /** The credential as inline data or as a file, whichever the kubeconfig gave. */
    private static void putEither(Map<String, String> properties, String key, String data, String file) {
        if (data != null) {
            properties.put("quarkus.kubernetes-client." + key + "-data", data);
        } else if (file != null) {
            properties.put("quarkus.kubernetes-client." + key + "-file", file);
        } else {
            throw new IllegalStateException("test environment: the kubeconfig has no " + key);
        }
    }

    @Override
    public void stop() {
        // The embedded PostgreSQL and the API server stop with the test JVM.
    }
}
