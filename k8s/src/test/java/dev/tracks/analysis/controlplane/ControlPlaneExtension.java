package dev.tracks.analysis.controlplane;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts (once per JVM) the control plane a {@link RealKubernetes} class asks for, and gives each test method a
 * namespace of its own, deleted after it.
 */
final class ControlPlaneExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(ControlPlaneExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        RealKubernetes settings = context.getRequiredTestClass().getAnnotation(RealKubernetes.class);
        ControlPlane controlPlane = settings != null && settings.workloads()
                ? ControlPlane.withWorkloads() : ControlPlane.apiServer();
        context.getStore(STORE).put(ControlPlane.class, controlPlane);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestNamespace namespace = new TestNamespace(namespaceName(context));
        controlPlane(context).client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
                .withName(namespace.name()).endMetadata().build()).create();
        context.getStore(STORE).put(TestNamespace.class, namespace);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestNamespace namespace = context.getStore(STORE).get(TestNamespace.class, TestNamespace.class);
        if (namespace != null) {
            controlPlane(context).client().namespaces().withName(namespace.name()).delete();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ControlPlane.class || type == KubernetesClient.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestNamespace.class) {
            if (context.getTestMethod().isEmpty()) {
                throw new ParameterResolutionException("a TestNamespace belongs to one test: take it as a parameter"
                        + " of the test method");
            }
            return context.getStore(STORE).get(TestNamespace.class, TestNamespace.class);
        }
        return type == ControlPlane.class ? controlPlane(context) : controlPlane(context).client();
    }

    private static ControlPlane controlPlane(ExtensionContext context) {
        return context.getStore(STORE).get(ControlPlane.class, ControlPlane.class);
    }

    /** A DNS label from the test's name plus a random suffix, so reruns never meet a terminating namespace. */
    private static String namespaceName(ExtensionContext context) {
        String base = context.getRequiredTestMethod().getName().replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        return (base.length() > 50 ? base.substring(0, 50) : base) + "-" + suffix;
    }
}
