package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.task.TaskPhase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The API service boots against a real PostgreSQL, applies the shared migrations from the tracks-k8s jar, and its
 * mirror entity matches the schema (Hibernate validates it at start).
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class MirroredTaskTest {

    @Inject
    Flyway flyway;

    @Test
    void sharedMigrationsAreAppliedAtStart() {
        assertThat(flyway.info().all()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).extracting(m -> m.getDescription())
                .contains("track points", "skill watermarks", "analysis tasks");
    }

    @Test
    void mirrorRowRoundTripsJsonAndArrayColumns() {
        UUID uid = UUID.randomUUID();
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            MirroredTask row = new MirroredTask();
            row.namespace = "tracks";
            row.name = "stays-1";
            row.uid = uid;
            row.skillName = "stay_detection";
            row.taskType = "INCREMENTAL";
            row.status = TaskPhase.RUNNING;
            row.params = Map.of("distThresholdMeters", 100);
            row.dependsOn = new String[] {"outliers-1"};
            row.dependsOnTaskIds = new Long[] {};
            row.blocksTaskIds = new Long[] {};
            row.progressPercent = 42.5;
            row.createdAt = OffsetDateTime.now();
            row.updatedAt = row.createdAt;
            row.persist();
            return row.id;
        });

        MirroredTask read = QuarkusTransaction.requiringNew().call(() -> MirroredTask.findById(id));
        assertThat(read.uid).isEqualTo(uid);
        assertThat(read.params).containsEntry("distThresholdMeters", 100);
        assertThat(read.dependsOn).containsExactly("outliers-1");
        assertThat(read.progressPercent).isEqualTo(42.5);
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
