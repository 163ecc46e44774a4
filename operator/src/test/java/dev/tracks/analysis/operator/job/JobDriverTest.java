package dev.tracks.analysis.operator.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import org.junit.jupiter.api.Test;

/** How a failed worker container is described in its task's failure message. */
class JobDriverTest {

    @Test
    void anOomKillIsNamedBesideTheExitCode() {
        assertThat(JobDriver.describe(new ContainerStateTerminatedBuilder().withExitCode(137).withReason("OOMKilled")
                .build())).isEqualTo("exit code 137 (OOMKilled)");
    }

    @Test
    void aPlainFailureGivesTheExitCodeAndTheTerminationMessage() {
        assertThat(JobDriver.describe(new ContainerStateTerminatedBuilder().withExitCode(64).withReason("Error")
                .withMessage("invalid parameters: window").build())).isEqualTo("exit code 64: invalid parameters: window");
    }
}
