package dev.tracks.analysis.controlplane;

import dev.tracks.analysis.node.OnRealNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast tier's two guarantees: the tag comes with the annotations, and an untagged use fails there. */
class ControlPlaneTagTest {

    @RealKubernetes
    private static final class OnTheControlPlane {
    }

    @UsesControlPlane
    private static final class ThroughATestResource {
    }

    @OnRealNode
    private static final class OnARealNode {
    }

    @Test
    void everyAnnotationTagsTheClassControlPlane() {
        for (Class<?> annotated : new Class<?>[] {OnTheControlPlane.class, ThroughATestResource.class,
                OnARealNode.class}) {
            assertThat(AnnotationSupport.findRepeatableAnnotations(annotated, Tag.class)).extracting(Tag::value)
                    .as(annotated.getSimpleName()).containsExactly(UsesControlPlane.TAG);
        }
    }

    @Test
    void inTheFastTierReachingTheBinariesFailsAndSaysWhichTagIsMissing() {
        String before = System.getProperty(TestBinaries.EXCLUDED_PROPERTY);
        System.setProperty(TestBinaries.EXCLUDED_PROPERTY, "true");
        try {
            assertThatThrownBy(TestBinaries::locate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not tagged control-plane")
                    .hasMessageContaining("@RealKubernetes or @UsesControlPlane");
        } finally {
            if (before == null) {
                System.clearProperty(TestBinaries.EXCLUDED_PROPERTY);
            } else {
                System.setProperty(TestBinaries.EXCLUDED_PROPERTY, before);
            }
        }
    }
}
