package dev.tracks.analysis.controlplane;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the shared real control plane, each test method in a namespace of its own. Test
 * methods, constructors and {@code @BeforeAll} methods can take a {@link ControlPlane} and a fabric8
 * {@code KubernetesClient}; test methods also a
 * {@link TestNamespace}. Tagged {@value UsesControlPlane#TAG}, so that the fast tier leaves the class out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ControlPlaneExtension.class)
@UsesControlPlane
public @interface RealKubernetes {

    /** Also run kube-controller-manager, kube-scheduler and the node agent, so that Jobs and pods really run. */
    boolean workloads() default false;
}
