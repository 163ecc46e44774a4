package dev.tracks.analysis.controlplane;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The test class needs the real control plane (the Go-built binaries of {@code k8s/testbin/install}), so it carries
 * the JUnit tag {@value #TAG}: the fast tier ({@code ./mvnw verify -DexcludedGroups=control-plane}) leaves it out.
 * {@link RealKubernetes} carries it; a class that reaches the control plane another way (a Quarkus test resource)
 * carries it itself. A class that forgets it fails in the fast tier ({@link TestBinaries#locate}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UsesControlPlane.TAG)
public @interface UsesControlPlane {

    String TAG = "control-plane";
}
