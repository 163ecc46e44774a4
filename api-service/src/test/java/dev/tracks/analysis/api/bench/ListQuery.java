package dev.tracks.analysis.api.bench;

import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code GET /tasks} request of the benchmark's mix, and the same statements the service sends for it (the page,
 * then the count for {@code total}, capped at 10,001 rows, when the page does not tell it), for the JDBC baseline.
 */
record ListQuery(String scenario, String queryString, String where, List<Object> parameters, String orderBy,
                 int offset, int limit) {

    /** The scenarios, in the order they take turns. */
    static final List<String> SCENARIOS = List.of("newest, no filter", "skill_name + status", "created_after 24 h",
            "skill_name, pages 2-50", "status, sort=-updated_at");

    private static final String COLUMNS = "id, namespace, name, uid, resource_version, generation, skill_name,"
            + " task_type, status, priority, params, scope, progress_percent, eta_seconds, points_per_second,"
            + " total_points, processed_points, failed_points, attempts, job_name, chain_id, start_time, end_time,"
            + " result_summary, error_message, depends_on, depends_on_task_ids, blocks_task_ids, created_by,"
            + " created_at, updated_at, deleted_at";
    private static final String[] STATUSES = {"Succeeded", "Failed", "Running"};

    /** Request {@code i} of the mix; {@code now} anchors the time filters. */
    static ListQuery of(int i, OffsetDateTime now) {
        int scenario = i % SCENARIOS.size();
        int variant = i / SCENARIOS.size();
        String skill = skill(variant);
        String name = SCENARIOS.get(scenario);
        return switch (scenario) {
            case 0 -> new ListQuery(name, "sort=-created_at", "", List.of(), "created_at DESC, id DESC", 0, 20);
            case 1 -> {
                String status = STATUSES[variant % STATUSES.length];
                yield new ListQuery(name, "skill_name=" + skill + "&status=" + status,
                        "skill_name = ? AND status = ?", List.of(skill, status), "created_at DESC, id DESC", 0, 20);
            }
            case 2 -> {
                OffsetDateTime after = now.minusHours(24).truncatedTo(ChronoUnit.SECONDS);
                yield new ListQuery(name, "created_after=" + after, "created_at > ?", List.of(after),
                        "created_at DESC, id DESC", 0, 20);
            }
            case 3 -> {
                int offset = 20 * (1 + variant % 49);
                yield new ListQuery(name, "skill_name=" + skill + "&offset=" + offset, "skill_name = ?",
                        List.of(skill), "created_at DESC, id DESC", offset, 20);
            }
            default -> new ListQuery(name, "status=Failed&sort=-updated_at", "status = ?", List.of("Failed"),
                    "updated_at DESC, id DESC", 0, 20);
        };
    }

    /** The skills in turn, the common ones more often (as the fill weights them). */
    private static String skill(int variant) {
        Skill[] skills = Skill.values();
        return skills[(variant * variant) % skills.length].id();
    }

    String path() {
        return "/api/admin/analysis/tasks?limit=" + limit + "&" + queryString;
    }

    /**
     * Runs the page and then, if asked and the page does not tell the total by itself, the count capped as the
     * service caps it (TaskListing), reading every column of the page.
     */
    void runDirectly(Connection connection, boolean withCount) throws SQLException {
        String condition = where.isEmpty() ? "" : " WHERE " + where;
        String page = "SELECT " + COLUMNS + " FROM analysis_tasks" + condition + " ORDER BY " + orderBy
                + " OFFSET ? LIMIT ?";
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(offset);
        pageParameters.add(limit);
        int read = 0;
        try (PreparedStatement statement = prepare(connection, page, pageParameters);
             ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                read++;
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
        if (withCount && (read == limit || (read == 0 && offset > 0))) {
            try (PreparedStatement count = prepare(connection, countSql(condition));
                 ResultSet total = count.executeQuery()) {
                total.next();
            }
        }
    }

    private static String countSql(String condition) {
        return "SELECT count(*) FROM (SELECT 1 FROM analysis_tasks" + condition + " LIMIT 10001) AS matching";
    }

    /** The count and page statements with their parameters inlined, for EXPLAIN ANALYZE. */
    List<String> explainable() {
        String condition = where.isEmpty() ? "" : " WHERE " + where;
        for (Object parameter : parameters) {
            condition = condition.replaceFirst("\\?", "'" + parameter + "'");
        }
        return List.of(countSql(condition), "SELECT " + COLUMNS + " FROM analysis_tasks" + condition + " ORDER BY "
                + orderBy + " OFFSET " + offset + " LIMIT " + limit);
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return prepare(connection, sql, parameters);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    static OffsetDateTime utcNow() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
