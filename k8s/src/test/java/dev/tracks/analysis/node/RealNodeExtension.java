package dev.tracks.analysis.node;

import dev.tracks.analysis.controlplane.ControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the {@link RealNode} of the JVM for an {@link OnRealNode} class; removes it when the test run ends. */
final class RealNodeExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store closes its resources after the last test of the JVM, before the shutdown hooks stop the
        // control plane: the node's pods are removed while the API server still answers.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RealNode.class,
                type -> new ClosingNode(RealNode.shared()), ClosingNode.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RealNode.class || type == ControlPlane.class || type == KubernetesClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RealNode node = RealNode.shared();
        return type == RealNode.class ? node : type == ControlPlane.class ? node.controlPlane()
                : node.controlPlane().client();
    }

    private record ClosingNode(RealNode node) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            node.close();
        }
    }
}
