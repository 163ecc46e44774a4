package dev.tracks.analysis.api.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.api.TestPoints;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskLabels;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the admin API on the real API server and PostgreSQL: happy paths, and refusals that name the
 * field and create nothing.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class AdminApiTest {

    private static final String TASKS = "/api/admin/analysis/tasks";

    @Inject
    KubernetesClient client;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void points() throws SQLException {
        TestPoints.walker(dataSource);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", TestIdentities.adminToken());
    }

    private int resources() {
        return client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE).list().getItems()
                .size();
    }

    private Response create(String json) {
        return admin().contentType(ContentType.JSON).body(json).post(TASKS);
    }

    @Test
    void aTaskIsCreatedAsAResourceAndReadFromTheMirror() {
        Response created = create("""
                {"skill_name": "stay_detection", "task_type": "FULL_RECOMPUTE", "priority": 5,
                 "params": {"distThresholdMeters": 80}, "scope": {"user_ids": ["walker"]}}""");
        created.then().statusCode(201).header("Location", containsString(TASKS + "/"))
                .body("name", startsWith("stay-detection-")).body("status", equalTo("Pending"))
                .body("skill_name", equalTo("stay_detection")).body("created_by", equalTo("token:ci"));
        long id = created.jsonPath().getLong("id");
        String name = created.jsonPath().getString("name");

        AnalysisTask resource = client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE)
                .withName(name).get();
        assertThat(resource.getSpec().getParams()).containsEntry("distThresholdMeters", 80);
        assertThat(resource.getSpec().getPriority()).isEqualTo(5);
        assertThat(resource.getMetadata().getAnnotations()).containsEntry(TaskLabels.CREATED_BY, "token:ci");

        admin().get(created.header("Location")).then().statusCode(200).body("id", equalTo((int) id))
                .body("task_type", equalTo("FULL_RECOMPUTE")).body("progress", notNullValue());
        admin().queryParam("skill_name", "stay_detection").queryParam("limit", 1).get(TASKS).then().statusCode(200)
                .body("tasks", hasSize(1)).body("limit", equalTo(1)).body("total", equalTo(
                        (int) admin().queryParam("skill_name", "stay_detection").get(TASKS).jsonPath()
                                .getLong("total")));
    }

    @Test
    void invalidTasksAreRefusedNamingTheFieldAndCreateNothing() {
        int before = resources();
        create("{\"skill_name\": \"teleportation\"}").then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("skill_name"))
                .body("detail", containsString("unknown skill 'teleportation'"));
        create("{\"skill_name\": \"stay_detection\", \"params\": {\"distThresholdMeters\": 0}}").then()
                .statusCode(422).body("field", equalTo("params.distThresholdMeters"))
                .body("detail", containsString("between 1 and 5000"));
        create("{\"skill_name\": \"stay_detection\", \"priority\": 100000}").then().statusCode(422)
                .body("field", equalTo("priority"));
        create("{\"skill_name\": \"stay_detection\", \"task_type\": \"SOMETIMES\"}").then().statusCode(422)
                .body("field", equalTo("task_type"));
        create("{\"skill_name\": \"stay_detection\", \"depends_on\": [999999]}").then().statusCode(422)
                .body("field", equalTo("depends_on[0]"));
        create("{\"skill_name\": \"stay_detection\", \"scope\": {\"user_ids\": [\"nobody\"]}}").then()
                .statusCode(422).body("detail", containsString("nothing to analyze: 0 points"));
        create("{\"skill_name\": \"stay_detection\", \"colour\": \"blue\"}").then().statusCode(400)
                .body("detail", containsString("colour"));
        create("{\"skill_name\": ").then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("malformed JSON"));
        admin().contentType(ContentType.TEXT).body("skill_name=stay_detection").post(TASKS).then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(resources()).isEqualTo(before);
    }

    /** spec.resources as Kubernetes quantities, checked by the validation the operator and the CRD share. */
    @Test
    void invalidResourcesAreRefusedNamingTheEntry() {
        int before = resources();
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limits\": {\"cpu\": \"abc\"}}}").then()
                .statusCode(422).contentType("application/problem+json").body("field", equalTo("resources.limits.cpu"))
                .body("detail", containsString("must be a Kubernetes quantity"))
                .body("detail", containsString("got \"abc\""));
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limits\": {\"cpu\": \"-1\"}}}").then()
                .statusCode(422).body("field", equalTo("resources.limits.cpu"))
                .body("detail", containsString("must not be negative"));
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limits\": {\"memory\": \"-5Gi\"}}}").then()
                .statusCode(422).body("field", equalTo("resources.limits.memory"));
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"requests\": {\"memory\": \"2Gi\"},"
                + " \"limits\": {\"memory\": \"1Gi\"}}}").then().statusCode(422)
                .body("field", equalTo("resources.requests.memory"))
                .body("detail", containsString("must be at most the limit of memory (1Gi), got 2Gi"));
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limits\": {\"nvidia.com/gpu\": \"1e9\"}}}")
                .then().statusCode(422).body("field", equalTo("resources.limits.nvidia.com/gpu"))
                .body("detail", containsString("whole number"));
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limits\": {\"gpu\": \"1\"}}}").then()
                .statusCode(422).body("field", equalTo("resources.limits.gpu"))
                .body("detail", containsString("unknown resource; one of cpu, memory, ephemeral-storage"));
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limit\": {\"cpu\": \"1\"}}}").then()
                .statusCode(422).body("field", equalTo("resources.limit"));
        create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limits\": {\"cpu\": \"\"}}}").then()
                .statusCode(400).body("field", equalTo("resources.limits.cpu"));
        assertThat(resources()).isEqualTo(before);

        Response created = create("{\"skill_name\": \"stay_detection\", \"resources\": {\"limits\": {\"cpu\": 2,"
                + " \"memory\": \"1.5Gi\"}, \"requests\": {\"cpu\": \"500m\", \"memory\": \"1Gi\"}}}");
        created.then().statusCode(201);
        AnalysisTask resource = client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE)
                .withName(created.jsonPath().getString("name")).get();
        assertThat(resource.getSpec().getResources().getLimits()).extractingByKeys("cpu", "memory")
                .extracting(Object::toString).containsExactly("2", "1.5Gi");
    }

    /**
     * A JSON value of the wrong type is refused, naming the field and the type it takes, not converted; no detail
     * shows a Java name; a value echoed back is shortened.
     */
    @Test
    void bodiesThatDoNotFitAreRefusedInTheApisOwnWords() {
        int before = resources();
        create("{\"skill_name\": 5}").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("skill_name")).body("detail", equalTo("must be a string"));
        create("{\"skill_name\": true}").then().statusCode(400).body("field", equalTo("skill_name"));
        create("{\"skill_name\": \"stay_detection\", \"priority\": \"5\"}").then().statusCode(400)
                .body("field", equalTo("priority")).body("detail", equalTo("must be an integer"));
        create("{\"skill_name\": \"stay_detection\", \"priority\": 2.5}").then().statusCode(400)
                .body("field", equalTo("priority")).body("detail", equalTo("must be an integer"));
        // A whole number written with a fraction is an integer, as JSON Schema (and the API document) has it.
        create("{\"skill_name\": \"teleportation\", \"priority\": 3.0}").then().statusCode(422)
                .body("field", equalTo("skill_name"));
        create("{\"skill_name\": \"stay_detection\", \"scope\": {\"user_ids\": [5]}}").then().statusCode(400)
                .body("field", equalTo("scope.user_ids[0]")).body("detail", equalTo("must be a string"));
        create("{\"skill_name\": \"stay_detection\", \"scope\": \"everyone\"}").then().statusCode(400)
                .body("field", equalTo("scope")).body("detail", equalTo("must be an object"));
        create("{\"skillName\": \"stay_detection\"}").then().statusCode(400).body("field", equalTo("skillName"))
                .body("detail", startsWith("unknown field 'skillName'; known: ["))
                .body("detail", containsString("skill_name"));
        create("[\"stay_detection\"]").then().statusCode(400).body("detail", equalTo("the body must be an object"));
        String deep = "{\"skill_name\": \"stay_detection\", \"params\": " + "{\"a\": ".repeat(2000) + "1"
                + "}".repeat(2001);
        create(deep).then().statusCode(400).body("detail", containsString("exceeds a limit"));
        create("{\"skill_name\": \"stay_detection\" \"x\"}").then().statusCode(400)
                .body("detail", startsWith("malformed JSON at line 1, column "));
        for (String body : List.of("{\"skill_name\": 5}", "[1]", "[".repeat(2000), deep, "{\"skill_name\": {}}",
                "{\"skill_name\": \"stay_detection\", \"depends_on\": {}}", "{\"skill_name\": ",
                "{\"skill_name\": \"stay_detection\", \"resources\": []}")) {
            create(body).then().statusCode(400).body("detail", not(anyOf(containsString("`"),
                    containsString("dev.tracks"), containsString("java."), containsString("Constraints"),
                    containsString("Source"))));
        }
        String huge = "x".repeat(1_000_000);
        create("{\"skill_name\": \"" + huge + "\"}").then().statusCode(422).body("field", equalTo("skill_name"))
                .body("detail", containsString("'" + "x".repeat(64) + "...' (1000000 characters)"))
                .body("detail.length()", lessThan(2_100));
        admin().queryParam("status", "x".repeat(3_000)).get(TASKS).then().statusCode(422)
                .body("detail", containsString("(3000 characters)")).body("detail.length()", lessThan(400));
        assertThat(resources()).isEqualTo(before);
    }

    @Test
    void listingValidatesItsParameters() {
        admin().queryParam("limit", -1).get(TASKS).then().statusCode(422).body("field", equalTo("limit"));
        admin().queryParam("limit", 100000).get(TASKS).then().statusCode(422).body("field", equalTo("limit"));
        admin().queryParam("limit", "many").get(TASKS).then().statusCode(400).body("field", equalTo("limit"));
        admin().queryParam("offset", -5).get(TASKS).then().statusCode(422).body("field", equalTo("offset"));
        admin().queryParam("sort", "colour").get(TASKS).then().statusCode(422).body("field", equalTo("sort"));
        admin().queryParam("status", "sleeping").get(TASKS).then().statusCode(422).body("field", equalTo("status"));
        admin().queryParam("created_after", "yesterday").get(TASKS).then().statusCode(400)
                .body("field", equalTo("created_after"));
        // A year java.time parses but PostgreSQL cannot store: once a false 503 "the database cannot be reached".
        admin().queryParam("created_after", "+3170843-11-07T09:46:39Z").get(TASKS).then().statusCode(400)
                .body("field", equalTo("created_after"));
        // RFC 3339 as the document's date-time: offsets up to 23:59 (beyond java.time's 18 hours), seconds required.
        admin().queryParam("created_after", "2026-01-01T00:00:00.5+21:26").get(TASKS).then().statusCode(200);
        admin().queryParam("created_before", "2026-01-01T00:00Z").get(TASKS).then().statusCode(400)
                .body("field", equalTo("created_before"));
        admin().queryParam("created_before", "2026-02-30T00:00:00Z").get(TASKS).then().statusCode(400);
        admin().queryParam("created_before", "0000-01-01T00:30:00+01:00").get(TASKS).then().statusCode(422)
                .body("field", equalTo("created_before"));
        admin().queryParam("include_deleted", "maybe").get(TASKS).then().statusCode(400)
                .body("field", equalTo("include_deleted"));
        admin().queryParam("include_deleted", "false").get(TASKS).then().statusCode(200);
        admin().queryParam("status", "running").queryParam("sort", "priority").get(TASKS).then().statusCode(200);
        admin().get(TASKS + "/987654321").then().statusCode(404).contentType("application/problem+json");
        admin().get(TASKS + "/not-a-number").then().statusCode(404);
    }

    @Test
    void cancelIsIdempotentAndRefusedOnceFinished() {
        long running = create("{\"skill_name\": \"outlier_detection\"}").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String name = admin().get(TASKS + "/" + running).jsonPath().getString("name");
        admin().delete(TASKS + "/" + running).then().statusCode(202);
        admin().delete(TASKS + "/" + running).then().statusCode(202);
        assertThat(client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE).withName(name)
                .get().getSpec().getCancel()).isTrue();

        long done = create("{\"skill_name\": \"outlier_detection\"}").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String doneName = admin().get(TASKS + "/" + done).jsonPath().getString("name");
        AnalysisTaskStatus succeeded = new AnalysisTaskStatus();
        succeeded.setPhase(TaskPhase.SUCCEEDED);
        TestTasks.applyStatus(client, ApiTestEnvironment.NAMESPACE, doneName, succeeded, "tracks-operator");
        await().atMost(Duration.ofSeconds(10)).until(() -> "Succeeded".equals(
                admin().get(TASKS + "/" + done).jsonPath().getString("status")));
        admin().delete(TASKS + "/" + done).then().statusCode(409).body("detail", containsString("finished"));
        admin().delete(TASKS + "/123456789").then().statusCode(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChainIsADagOfTasksWithTheCatalogsEdges() {
        Response chain = admin().contentType(ContentType.JSON).body("""
                {"task_type": "INCREMENTAL", "params": {"stay_detection": {"distThresholdMeters": 60}}}""")
                .post("/api/admin/analysis/trigger-chain");
        chain.then().statusCode(201).body("tasks", hasSize(SkillCatalog.DEFAULT_CHAIN.size()))
                .body("status", equalTo("Pending"));
        String chainId = chain.jsonPath().getString("chain_id");
        List<Map<String, Object>> tasks = chain.jsonPath().getList("tasks");
        Map<String, Object> trips = tasks.stream().filter(t -> t.get("skill_name").equals("trip_construction"))
                .findFirst().orElseThrow();
        assertThat((List<Object>) trips.get("depends_on")).containsExactlyInAnyOrder(
                "chain-" + chainId + "-stay-detection", "chain-" + chainId + "-transport-mode");
        AnalysisTask stays = client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE)
                .withName("chain-" + chainId + "-stay-detection").get();
        assertThat(stays.getMetadata().getLabels()).containsEntry(TaskLabels.CHAIN, chainId);
        // trip_construction, then rendering_metadata wait on stay_detection: it starts before grid_system when both
        // are ready on one slot (Admission).
        assertThat(TaskLabels.chainDepth(stays.getMetadata().getAnnotations())).isEqualTo(2);
        assertThat(stays.getSpec().getParams()).containsEntry("distThresholdMeters", 60);

        admin().get(chain.header("Location")).then().statusCode(200).body("chain_id", equalTo(chainId))
                .body("tasks.skill_name", hasItem("rendering_metadata"))
                .body("tasks.chain_id", everyItem(equalTo(chainId)));
        admin().get("/api/admin/analysis/chains/nope").then().statusCode(404);

        int before = resources();
        admin().contentType(ContentType.JSON).body("{\"skills\": [\"stay_detection\", \"levitation\"]}")
                .post("/api/admin/analysis/trigger-chain").then().statusCode(422).body("field", equalTo("skills[1]"));
        admin().contentType(ContentType.JSON).body("{\"params\": {\"stay_detection\": {\"includeLast\": 3}}}")
                .post("/api/admin/analysis/trigger-chain").then().statusCode(422)
                .body("field", equalTo("params.stay_detection.includeLast"));
        assertThat(resources()).isEqualTo(before);
    }

    @Test
    void theCatalogListsSkillsWithParametersAndDependencies() {
        admin().get("/api/admin/analysis/skills").then().statusCode(200)
                .body("size()", equalTo(dev.tracks.analysis.skill.Skill.values().length))
                .body("find { it.name == 'stay_detection' }.parameters.name", hasItem("distThresholdMeters"))
                .body("find { it.name == 'stay_detection' }.parameters.find { it.name == 'distThresholdMeters' }"
                        + ".default_value", equalTo(100.0f))
                .body("find { it.name == 'trip_construction' }.depends_on.skill",
                        contains("stay_detection", "transport_mode"))
                .body("find { it.name == 'stay_detection' }.implemented", equalTo(true))
                .body("find { it.name == 'admin_crossings' }.implemented", equalTo(true))
                .body("findAll { !it.implemented }.name", containsInAnyOrder(SkillCatalog.NOT_YET_IMPLEMENTED.stream()
                        .map(dev.tracks.analysis.skill.Skill::id).toArray()));
    }

    @Test
    void anUploadIsStoredAndItsImportTaskCreated() throws SQLException {
        byte[] csv = "user_id,time,lat,lon\nuploader,2026-05-01T08:00:00Z,47,8\n".getBytes(StandardCharsets.UTF_8);
        Response upload = admin().multiPart("file", "phone.csv", csv, "text/csv").multiPart("user_id", "uploader")
                .post("/api/admin/analysis/imports");
        upload.then().statusCode(201).body("format", equalTo("CSV")).body("task.skill_name", equalTo("data_import"))
                .header("Location", containsString(TASKS + "/"));
        long importId = upload.jsonPath().getLong("import_id");
        AnalysisTask task = client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE)
                .withName(upload.jsonPath().getString("task.name")).get();
        assertThat(task.getSpec().getParams()).containsEntry("source", "upload:" + importId)
                .containsEntry("userId", "uploader");
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             var row = statement.executeQuery("SELECT s.size_bytes, length(c.data) FROM import_sources s JOIN"
                     + " import_source_chunks c ON c.source_id = s.id WHERE s.id = " + importId)) {
            row.next();
            assertThat(row.getLong(1)).isEqualTo(csv.length);
            assertThat(row.getInt(2)).isEqualTo(csv.length);
        }

        int before = resources();
        admin().multiPart("file", "big.csv", new byte[(int) ApiTestEnvironment.MAX_UPLOAD_BYTES + 1], "text/csv")
                .post("/api/admin/analysis/imports").then().statusCode(413).body("field", equalTo("file"));
        admin().multiPart("file", "notes.txt", csv, "text/plain").post("/api/admin/analysis/imports").then()
                .statusCode(422).body("field", equalTo("format"));
        admin().multiPart("user_id", "x").post("/api/admin/analysis/imports").then().statusCode(422)
                .body("field", equalTo("file"));
        // Found by the fuzzer: a body that ends before its closing boundary is malformed input, not a server error.
        admin().contentType("multipart/form-data; boundary=140d3a8ec64000d5d07e19cf6b805704")
                .body(("--140d3a8ec64000d5d07e19cf6b805704\r\n[{'k': False}]--140d3a8ec64000d5d07e19cf6b805704--\r\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/analysis/imports").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(resources()).isEqualTo(before);
    }

    @Test
    void manyFilesAndAnArchiveInOneRequestBecomeOneImportTask() throws Exception {
        byte[] csv = "user_id,time,lat,lon\nphone,2026-05-01T08:00:00Z,47,8\n".getBytes(StandardCharsets.UTF_8);
        byte[] plt = "Geolife trajectory\nWGS 84\nAltitude is in Feet\nReserved 3\n0,2,255,My Track,0,0,2,8421376\n0\n"
                .getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("more.csv"));
            zip.write(csv);
            zip.closeEntry();
        }
        int before = resources();

        Response upload = admin().multiPart("file", "day-1.csv", csv, "text/csv")
                .multiPart("file", "153/Trajectory/20081023025304.plt", plt, "application/octet-stream")
                .multiPart("file", "archive.zip", zipped.toByteArray(), "application/zip")
                .post("/api/admin/analysis/imports");

        upload.then().statusCode(201).body("files", hasSize(3)).body("files.format", contains("CSV", "PLT", "ZIP"))
                .body("files.file_name", contains("day-1.csv", "153/Trajectory/20081023025304.plt", "archive.zip"))
                .body("import_id", equalTo(upload.jsonPath().getInt("files[0].import_id")))
                .body("task.skill_name", equalTo("data_import"));
        assertThat(resources()).as("one task for the three files").isEqualTo(before + 1);
        List<Long> ids = upload.jsonPath().getList("files.import_id", Long.class);
        AnalysisTask task = client.resources(AnalysisTask.class).inNamespace(ApiTestEnvironment.NAMESPACE)
                .withName(upload.jsonPath().getString("task.name")).get();
        assertThat(task.getSpec().getParams()).containsEntry("source", "upload:" + ids.get(0) + "," + ids.get(1)
                + "," + ids.get(2)).containsEntry("format", "AUTO").doesNotContainKey("userId");
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             var row = statement.executeQuery("SELECT count(*) FROM import_sources WHERE id IN (" + ids.get(0) + ","
                     + ids.get(1) + "," + ids.get(2) + ") AND size_bytes > 0")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(3);
        }

        admin().multiPart("file", "ok.csv", csv, "text/csv").multiPart("file", "notes.txt", csv, "text/plain")
                .post("/api/admin/analysis/imports").then().statusCode(422).body("field", equalTo("format"));
        admin().multiPart("file", "a.csv", new byte[(int) ApiTestEnvironment.MAX_UPLOAD_BYTES / 2 + 1], "text/csv")
                .multiPart("file", "b.csv", new byte[(int) ApiTestEnvironment.MAX_UPLOAD_BYTES / 2 + 1], "text/csv")
                .post("/api/admin/analysis/imports").then().statusCode(413).body("field", equalTo("file"));
        assertThat(resources()).as("a refused request stores and creates nothing").isEqualTo(before + 1);
    }

    /** A folder of a few thousand files is one upload: more parts than RESTEasy's default limit of 1,000. */
    @Test
    void anUploadOfMoreThanAThousandFilesIsOneImport() {
        var request = admin();
        for (int i = 0; i < 1_100; i++) {
            request = request.multiPart("file", "day-" + i + ".csv", ("user_id,time,lat,lon\nphone,2026-05-01T08:"
                    + String.format("%02d:%02d", i / 60 % 60, i % 60) + "Z,47,8\n").getBytes(StandardCharsets.UTF_8),
                    "text/csv");
        }
        request.post("/api/admin/analysis/imports").then().statusCode(201).body("files", hasSize(1_100));
    }
}
