package dev.tracks.analysis.api.lineage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.api.TestPoints;
import dev.tracks.analysis.api.task.PendingPoints;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.skill.ParamsHash;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.TaskScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stale results through the admin API on the real PostgreSQL: counts per skill, paged users, the dry run's count. */
@QuarkusTest
@UsesControlPlane
@WithTestResource(ApiTestEnvironment.class)
class StalenessApiTest {

    private static final String STALENESS = "/api/admin/analysis/staleness";
    private static final String TASK_UID = "6f1c1e0a-2f4b-4e8e-9a55-0c1d2e3f4a5b";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PendingPoints pendingPoints;

    @BeforeEach
    void points() throws SQLException {
        TestPoints.walker(dataSource);
    }

    @AfterEach
    void clean() throws SQLException {
        sql("DELETE FROM stale_results");
        sql("DELETE FROM skill_watermarks WHERE skill_name = 'trip_construction' AND user_id = 'walker'");
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", TestIdentities.adminToken());
    }

    @Test
    void eachSkillsStaleUsersAreCountedAndListedByPage() throws SQLException {
        sql("INSERT INTO stale_results (skill_name, user_id, invalidated_at, cause_skill, reason, task_uid)"
                + " SELECT 'trip_construction', 'u0' || i, timestamptz '2026-06-01 10:00Z' + i * interval '1 s',"
                + " 'stay_detection', 'parameters_changed', '" + TASK_UID + "' FROM generate_series(1, 5) i");
        sql("INSERT INTO stale_results (skill_name, user_id, invalidated_at, cause_skill, reason) VALUES"
                + " ('footprint_stats', 'u01', timestamptz '2026-06-01 09:00Z', 'grid_system', 'late_points')");

        admin().get(STALENESS).then().statusCode(200)
                .body("stale_results", equalTo(6))
                .body("skills.skill_name", contains("trip_construction", "footprint_stats"))
                .body("skills.stale_users", contains(5, 1))
                .body("skills[1].oldest_invalidated_at", equalTo("2026-06-01T09:00:00Z"));
        admin().queryParam("limit", 2).queryParam("offset", 2).get(STALENESS + "/trip_construction").then()
                .statusCode(200)
                .body("skill_name", equalTo("trip_construction"))
                .body("total", equalTo(5)).body("limit", equalTo(2)).body("offset", equalTo(2))
                .body("users.user_id", contains("u03", "u04"))
                .body("users[0].cause_skill", equalTo("stay_detection"))
                .body("users[0].reason", equalTo("parameters_changed"))
                .body("users[0].task_uid", equalTo(TASK_UID))
                .body("users[0].invalidated_at", equalTo("2026-06-01T10:00:03Z"));
        admin().get(STALENESS + "/stay_detection").then().statusCode(200)
                .body("total", equalTo(0)).body("users", hasSize(0));
    }

    @Test
    void badPagingAndUnknownSkillsAreRefusedNamingTheField() {
        String users = STALENESS + "/trip_construction";
        admin().queryParam("limit", 0).get(users).then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("limit"));
        admin().queryParam("limit", 501).get(users).then().statusCode(422).body("field", equalTo("limit"));
        admin().queryParam("limit", "ten").get(users).then().statusCode(400).body("field", equalTo("limit"));
        admin().queryParam("offset", -1).get(users).then().statusCode(422).body("field", equalTo("offset"));
        admin().get(STALENESS + "/teleportation").then().statusCode(404).contentType("application/problem+json");
        given().get(STALENESS).then().statusCode(401);
        given().get(users).then().statusCode(401);
    }

    @Test
    void theDryRunCountsThePointsOfStaleUsersAndOfResultsWithOtherParameters() throws SQLException {
        AnalysisTaskSpec trips = new AnalysisTaskSpec();
        trips.setSkill(Skill.TRIP_CONSTRUCTION);
        trips.setMode(TaskMode.INCREMENTAL);
        trips.setParams(Map.of());
        TaskScope walker = new TaskScope();
        walker.setUserIds(List.of("walker"));
        trips.setScope(walker);
        // trip_construction has analyzed all of walker's points with the task's parameters.
        sql("INSERT INTO skill_watermarks (skill_name, user_id, last_recorded_at, last_point_id, analyzed_points,"
                + " params_hash) SELECT 'trip_construction', 'walker', max(recorded_at), max(id), count(*), '"
                + ParamsHash.of(Skill.TRIP_CONSTRUCTION, Map.of()) + "' FROM track_points WHERE user_id = 'walker'");
        assertThat(pendingPoints.count(trips)).isZero();

        sql("INSERT INTO stale_results (skill_name, user_id, cause_skill, reason) VALUES ('trip_construction',"
                + " 'walker', 'stay_detection', 'late_points')");
        assertThat(pendingPoints.count(trips)).as("stale: all of walker's points").isEqualTo(100);

        sql("DELETE FROM stale_results");
        assertThat(pendingPoints.count(trips)).isZero();
        trips.setParams(Map.of("activityThresholdMinutes", 30));
        assertThat(pendingPoints.count(trips)).as("other parameters: all of walker's points").isEqualTo(100);
    }

    private void sql(String statement) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }
}
