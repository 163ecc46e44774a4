package dev.tracks.analysis.api.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The total of {@code GET /tasks} on both sides of its cap, with rows inserted straight into the real mirror table:
 * around 1990, years no other test writes, so that the time filters select exactly them; each test has its own year,
 * as a filter that matched more than the cap is not recounted for a while (LargeCounts).
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class TaskListingTest {

    private static final String TASKS = "/api/admin/analysis/tasks";
    private static final String NAMESPACE = "listing-cap";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void removeRows() throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement("DELETE FROM analysis_tasks WHERE namespace = ?")) {
            delete.setString(1, NAMESPACE);
            delete.executeUpdate();
        }
    }

    /** A request for the tasks created in {@code year}; each test has a year of its own. */
    private static RequestSpecification in(int year) {
        return given().header("Authorization", TestIdentities.adminToken())
                .queryParam("created_after", year + "-01-01T00:00:00Z")
                .queryParam("created_before", (year + 1) + "-01-01T00:00:00Z");
    }

    @Test
    void totalIsExactUpToTheCap() throws SQLException {
        insert(1990, 1, TaskListing.TOTAL_CAP, "Failed");

        in(1990).queryParam("limit", 20).get(TASKS).then().statusCode(200).body("tasks", hasSize(20))
                .body("total", equalTo(TaskListing.TOTAL_CAP)).body("total_exact", equalTo(true));
        in(1990).queryParam("status", "Failed").queryParam("offset", TaskListing.TOTAL_CAP).get(TASKS).then()
                .statusCode(200).body("tasks", hasSize(0)).body("total", equalTo(TaskListing.TOTAL_CAP))
                .body("total_exact", equalTo(true));
        in(1990).queryParam("status", "Succeeded").get(TASKS).then().statusCode(200).body("tasks", hasSize(0))
                .body("total", equalTo(0)).body("total_exact", equalTo(true));
        in(1990).queryParam("sort", "id").queryParam("offset", 40).get(TASKS).then().statusCode(200)
                .body("tasks[0].name", equalTo("capped-41")).body("total", equalTo(TaskListing.TOTAL_CAP))
                .body("total_exact", equalTo(true));
    }

    /** A time window sorted by another key than created_at (read and sorted, not walked in the key's index). */
    @Test
    void aWindowSortedByAnotherKeyIsInThatOrder() throws SQLException {
        insert(1992, 1, 30, "Failed");
        try (Connection db = dataSource.getConnection();
             PreparedStatement priorities = db.prepareStatement("UPDATE analysis_tasks"
                     + " SET priority = substring(name FROM 8)::int % 4 WHERE namespace = ?")) {
            priorities.setString(1, NAMESPACE);
            priorities.executeUpdate();
        }

        in(1992).queryParam("sort", "-priority").queryParam("limit", 5).get(TASKS).then().statusCode(200)
                .body("tasks.name", contains("capped-27", "capped-23", "capped-19", "capped-15", "capped-11"))
                .body("total", equalTo(30)).body("total_exact", equalTo(true));
        in(1992).queryParam("sort", "priority").queryParam("offset", 6).queryParam("limit", 2).get(TASKS).then()
                .statusCode(200).body("tasks.name", contains("capped-28", "capped-1"))
                .body("tasks.priority", contains(0, 1));
    }

    @Test
    void aboveTheCapTheTotalSaysItIsALowerBound() throws SQLException {
        insert(1991, 1, TaskListing.TOTAL_CAP + 1, "Failed");
        insert(1991, TaskListing.TOTAL_CAP + 2, TaskListing.TOTAL_CAP + 4, "Running");

        in(1991).queryParam("sort", "id").get(TASKS).then().statusCode(200).body("tasks", hasSize(20))
                .body("tasks[0].name", equalTo("capped-1")).body("total", equalTo(TaskListing.TOTAL_CAP))
                .body("total_exact", equalTo(false));
        in(1991).queryParam("status", "Failed").queryParam("sort", "id").queryParam("limit", 500)
                .queryParam("offset", TaskListing.TOTAL_CAP - 100).get(TASKS).then().statusCode(200)
                .body("tasks", hasSize(101)).body("tasks[100].name", equalTo("capped-" + (TaskListing.TOTAL_CAP + 1)))
                .body("total", equalTo(TaskListing.TOTAL_CAP + 1)).body("total_exact", equalTo(true));
        in(1991).queryParam("status", "Failed").queryParam("offset", TaskListing.TOTAL_CAP + 1).get(TASKS).then()
                .statusCode(200).body("tasks", hasSize(0)).body("total", equalTo(TaskListing.TOTAL_CAP + 1))
                .body("total_exact", equalTo(false));
        in(1991).queryParam("status", "Running").get(TASKS).then().statusCode(200).body("tasks", hasSize(3))
                .body("total", equalTo(3)).body("total_exact", equalTo(true));

        // More than the cap matched a moment ago: not recounted (the history never shrinks outside of tests).
        removeRows();
        insert(1991, 1, 30, "Failed");
        in(1991).queryParam("status", "Failed").get(TASKS).then().statusCode(200).body("tasks", hasSize(20))
                .body("total", equalTo(TaskListing.TOTAL_CAP)).body("total_exact", equalTo(false));
        in(1991).queryParam("status", "Running").get(TASKS).then().statusCode(200).body("total", equalTo(0))
                .body("total_exact", equalTo(true));
    }

    /** The pool plans each statement for its values, never one generic plan for all (application.properties). */
    @Test
    void everyConnectionPlansForTheValuesAtHand() throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement show = db.prepareStatement("SHOW plan_cache_mode");
             ResultSet mode = show.executeQuery()) {
            mode.next();
            assertThat(mode.getString(1)).isEqualTo("force_custom_plan");
        }
    }

    /** Rows {@code first..last}, one a minute from the start of {@code year}, named {@code capped-<n>}. */
    private void insert(int year, int first, int last, String status) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO analysis_tasks (namespace, name, uid, skill_name, task_type, status, created_at)
                     SELECT ?, 'capped-' || n, gen_random_uuid(), 'stay_detection', 'INCREMENTAL', ?,
                            make_timestamptz(?, 1, 1, 0, 0, 0, 'UTC') + n * interval '1 minute'
                     FROM generate_series(?, ?) n""")) {
            insert.setString(1, NAMESPACE);
            insert.setString(2, status);
            insert.setInt(3, year);
            insert.setInt(4, first);
            insert.setInt(5, last);
            insert.executeUpdate();
        }
    }
}
