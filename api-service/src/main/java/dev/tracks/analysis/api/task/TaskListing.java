package dev.tracks.analysis.api.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.api.problem.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One {@code GET /tasks} query on the mirror: the filters as SQL over {@code analysis_tasks}, a page in a sort order
 * that some index of V22 serves (or, for a narrow time window, read from the window's index and sorted), and a total
 * that is counted exactly only up to {@link #TOTAL_CAP} matches. An exact
 * count of 60,000 to 1,000,000 matching rows cost 83 to 675 ms a request (docs/benchmarks.md, "Admin API"); counting
 * at most {@code TOTAL_CAP + 1} rows bounds it whatever the filter, and the extra row tells "more than the cap".
 */
final class TaskListing {

    static final int TOTAL_CAP = 10_000;

    /** Each sort key but created_at as an expression of the same order that no index serves (see pageOfWindow). */
    private static final Map<String, String> UNINDEXED = Map.of("updated_at", "(updated_at + interval '0 s')",
            "priority", "(priority + 0)", "status", "(status || '')", "skill_name", "(skill_name || '')",
            "id", "(id + 0)");

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    /** Whether a created_at window (created_after, created_before) is among the filters. */
    private boolean window;

    TaskListing skillName(String skill) {
        return where("skill_name = ?", skill);
    }

    TaskListing status(String status) {
        return where("status = ?", status);
    }

    TaskListing createdAfter(OffsetDateTime after) {
        window = true;
        return where("created_at > ?", after);
    }

    TaskListing createdBefore(OffsetDateTime before) {
        window = true;
        return where("created_at < ?", before);
    }

    TaskListing liveOnly() {
        conditions.add("deleted_at IS NULL");
        return this;
    }

    /**
     * The page ordered by {@code column} (one of TaskResource's sort keys, never caller text) with id as the
     * tie-breaker in the same direction, so that one index (column, id) serves both directions; then the total. Plain
     * JDBC: through Hibernate, the lookup of each native query's cached plan compared its result mapping with every
     * cached one (most of the service's CPU per request under load, seen with JFR), and listing needs no entities.
     */
    TaskView.Page page(DataSource database, ObjectMapper json, LargeCounts large, String column, boolean descending,
                       int offset, int limit) {
        try (Connection connection = database.getConnection()) {
            if (window && !column.equals("created_at")) {
                return pageOfWindow(connection, json, large, column, descending, offset, limit);
            }
            List<TaskView> tasks = rows(connection, json, column, descending, offset, limit);
            return withTotal(tasks, offset, limit, () -> count(connection, large));
        } catch (SQLException e) {
            throw ApiException.database("the database cannot be reached", e);
        }
    }

    /**
     * A created_at window sorted by another key. The rows of a window sit together in created_at order but are spread
     * over the other key's index, so walking that index in order and filtering reads most of the table when the
     * window lies at the far end (created_after a day, sort=updated_at: 869 ms at 1,000,000 rows); the planner does
     * not know that, as it takes columns to be independent. So count first: when at most TOTAL_CAP rows match, sort
     * by an expression of the key, which no index serves, and the planner reads the window from its index and sorts
     * it (9 ms); otherwise the window is wide and the ordered walk soon finds a page.
     */
    private TaskView.Page pageOfWindow(Connection connection, ObjectMapper json, LargeCounts large, String column,
                                       boolean descending, int offset, int limit) throws SQLException {
        long counted = count(connection, large);
        String key = counted <= TOTAL_CAP ? UNINDEXED.get(column) : column;
        List<TaskView> tasks = rows(connection, json, key, descending, offset, limit);
        return withTotal(tasks, offset, limit, () -> counted);
    }

    private List<TaskView> rows(Connection connection, ObjectMapper json, String key, boolean descending, int offset,
                                int limit) throws SQLException {
        String direction = descending ? " DESC" : " ASC";
        try (PreparedStatement query = bind(connection.prepareStatement("SELECT * FROM analysis_tasks"
                + whereClause() + " ORDER BY " + key + direction + ", id" + direction + " OFFSET ? LIMIT ?"))) {
            query.setInt(parameters.size() + 1, offset);
            query.setInt(parameters.size() + 2, limit);
            List<TaskView> tasks = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    tasks.add(view(row, json));
                }
            }
            return tasks;
        }
    }

    /** How many rows match, counting at most TOTAL_CAP + 1, unless more than TOTAL_CAP matched a moment ago. */
    private long count(Connection connection, LargeCounts large) throws SQLException {
        String filter = whereClause() + parameters;
        if (large.known(filter)) {
            return TOTAL_CAP + 1;
        }
        try (PreparedStatement query = bind(connection.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM"
                + " analysis_tasks" + whereClause() + " LIMIT " + (TOTAL_CAP + 1) + ") AS matching"));
             ResultSet result = query.executeQuery()) {
            result.next();
            long counted = result.getLong(1);
            if (counted > TOTAL_CAP) {
                large.remember(filter);
            }
            return counted;
        }
    }

    private interface Count {
        long get() throws SQLException;
    }

    /**
     * The page with its total: a short page that is not past the end says by itself how many match, without a
     * count; otherwise the count, exact up to the cap.
     */
    private static TaskView.Page withTotal(List<TaskView> tasks, int offset, int limit, Count count)
            throws SQLException {
        if (tasks.size() < limit && (!tasks.isEmpty() || offset == 0)) {
            return new TaskView.Page(tasks, offset + tasks.size(), true, limit, offset);
        }
        long counted = count.get();
        if (counted <= TOTAL_CAP) {
            return new TaskView.Page(tasks, counted, true, limit, offset);
        }
        // A lower bound, never below what the caller has paged through.
        return new TaskView.Page(tasks, Math.max(TOTAL_CAP, offset + tasks.size()), false, limit, offset);
    }

    /** A row as TaskView.of shows a MirroredTask. */
    private static TaskView view(ResultSet row, ObjectMapper json) throws SQLException {
        TaskView.Progress progress = new TaskView.Progress(row.getObject("progress_percent", Double.class),
                row.getObject("total_points", Long.class), row.getObject("processed_points", Long.class),
                row.getObject("failed_points", Long.class), row.getObject("points_per_second", Double.class),
                row.getObject("eta_seconds", Long.class));
        return new TaskView(row.getLong("id"), row.getString("namespace"), row.getString("name"),
                row.getString("skill_name"), row.getString("task_type"), row.getString("status"),
                row.getInt("priority"), object(json, row.getString("params")), object(json, row.getString("scope")),
                Arrays.asList((String[]) row.getArray("depends_on").getArray()),
                ids(row.getArray("depends_on_task_ids")), ids(row.getArray("blocks_task_ids")), progress,
                row.getObject("attempts", Integer.class), row.getString("job_name"), row.getString("chain_id"),
                time(row, "start_time"), time(row, "end_time"), object(json, row.getString("result_summary")),
                row.getString("error_message"), row.getString("created_by"), time(row, "created_at"),
                time(row, "updated_at"), time(row, "deleted_at"));
    }

    private static Map<String, Object> object(ObjectMapper json, String text) {
        try {
            return text == null ? null : json.readValue(text, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON column of analysis_tasks cannot be read", e);
        }
    }

    private static List<Long> ids(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    private static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    private TaskListing where(String condition, Object value) {
        conditions.add(condition);
        parameters.add(value);
        return this;
    }

    private String whereClause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private PreparedStatement bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
