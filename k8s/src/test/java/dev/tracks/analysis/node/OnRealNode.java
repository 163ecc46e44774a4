package dev.tracks.analysis.node;

import dev.tracks.analysis.controlplane.UsesControlPlane;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class with the JVM's {@link RealNode} (started before its first test, removed after the last test of
 * the JVM). Test methods, constructors and {@code @BeforeAll} methods can take the {@link RealNode}, its
 * {@code ControlPlane} and a fabric8 {@code KubernetesClient}. Such classes are named {@code *OnRealNodeIT}: the
 * failsafe execution {@code real-node} runs them in a JVM of their own, the default one leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealNodeExtension.class)
@UsesControlPlane
public @interface OnRealNode {
}
