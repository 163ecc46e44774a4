package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample is the generator's output for its fixed seed, byte for byte: it cannot drift from the generator
 * that the end-to-end test takes its ground truth from. After changing the generator:
 * {@code ./mvnw -pl worker-image test -Dtest=SampleTest -Dsample.update=true}.
 */
class SampleTest {

    private static final Path SAMPLE = Path.of("src/main/resources", Upload.SAMPLE_RESOURCE);

    @Test
    void theBundledSampleIsTheGeneratorsOutput() throws IOException {
        String generated = SampleTracks.generate(SampleTracks.SAMPLE_SEED, SampleTracks.SAMPLE_START, 2).csv();
        if (Boolean.getBoolean("sample.update")) {
            Files.writeString(SAMPLE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SAMPLE, StandardCharsets.UTF_8)).as("%s; refresh with -Dsample.update=true",
                SAMPLE).isEqualTo(generated);
    }

    @Test
    void theSampleIsSmallAndHasSeveralUsersWithStays() {
        SampleTracks.Sample sample = SampleTracks.generate(SampleTracks.SAMPLE_SEED, SampleTracks.SAMPLE_START, 2);
        assertThat(sample.csv().getBytes(StandardCharsets.UTF_8).length).isLessThan(1 << 20);
        assertThat(sample.stays()).hasSize(SampleTracks.USERS)
                .allSatisfy((user, stays) -> assertThat(stays).hasSize(4 + 3));
        assertThat(sample.csv().lines().count()).isEqualTo(1 + sample.points());
    }
}
