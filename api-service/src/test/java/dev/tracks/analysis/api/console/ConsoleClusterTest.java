package dev.tracks.analysis.api.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.api.TestPoints;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.task.AnalysisTask;
import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The console's task page in a cluster (the real kube-apiserver; no operator runs here): the Kubernetes Events of the
 * task, recorded as the operator records them, are listed; the worker's output is not read from pods, the page says
 * where it is.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class ConsoleClusterTest {

    @Inject
    KubernetesClient client;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTasksPageListsItsKubernetesEvents() throws Exception {
        TestPoints.walker(dataSource);
        int id = given().header("Authorization", TestIdentities.adminToken()).contentType(ContentType.JSON)
                .body("{\"skill_name\": \"grid_system\"}").post("/api/admin/analysis/tasks").then().statusCode(201)
                .extract().path("id");
        String name = given().header("Authorization", TestIdentities.adminToken())
                .get("/api/admin/analysis/tasks/" + id).then().extract().path("name");
        AnalysisTask task = client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE)
                .withName(name).get();
        String now = Instant.now().toString();
        client.v1().events().inNamespace(ApiTestEnvironment.NAMESPACE).resource(new EventBuilder()
                .withNewMetadata().withGenerateName(name + ".").endMetadata()
                .withNewInvolvedObject().withApiVersion(task.getApiVersion()).withKind(task.getKind())
                .withName(name).withNamespace(ApiTestEnvironment.NAMESPACE).withUid(task.getMetadata().getUid())
                .endInvolvedObject().withType("Warning").withReason("AttemptFailed")
                .withMessage("attempt 1 failed: exit code 75: database unreachable").withFirstTimestamp(now)
                .withLastTimestamp(now).withCount(1).withNewSource().withComponent("tracks-operator").endSource()
                .build()).create();

        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN).get("/console/tasks/" + id + "/activity")
                .then().statusCode(200).body(allOf(containsString("<table class=\"tasks\" id=\"events\">"),
                        containsString("AttemptFailed"), containsString("attempt 1 failed: exit code 75: database"
                                + " unreachable"), containsString("AnalysisTask " + name),
                        containsString("Kubernetes Events of the task and of its Job"), containsString("no Job yet"),
                        containsString("0 attempt(s)")));
    }
}
