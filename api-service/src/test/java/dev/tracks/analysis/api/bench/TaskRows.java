package dev.tracks.analysis.api.bench;

import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Fills {@code analysis_tasks} with a year of history, in one INSERT ... SELECT over generate_series: ids grow with
 * created_at as the mirror writes them; the skills are skewed (the first of the catalog far more common); 4
 * namespaces (70 % in the service's); 90 % Succeeded, 6 % Failed, 4 % Cancelled, and only the newest 300 rows in
 * the other phases; rows finished more than 7 days ago are deleted (the TTL) and kept as history. Every row is at
 * resourceVersion 1, older than any listing, so the service's resync at start marks the live rows of its namespace
 * deleted (their resources do not exist).
 */
final class TaskRows {

    private static final String FILL = """
            INSERT INTO analysis_tasks (namespace, name, uid, resource_version, generation, skill_name, task_type,
                status, priority, params, scope, progress_percent, total_points, processed_points, failed_points,
                attempts, job_name, start_time, end_time, result_summary, error_message, created_by, created_at,
                updated_at, deleted_at)
            SELECT namespace, name, md5('bench-' || g)::uuid, '1', 1, skill,
                   CASE WHEN r_misc < 0.1 THEN 'FULL_RECOMPUTE' ELSE 'INCREMENTAL' END, status,
                   CASE WHEN r_misc < 0.9 THEN 0 ELSE (r_misc * 100)::int % 10 END,
                   jsonb_build_object('min_duration_s', 300, 'max_radius_m', 50 + g % 100),
                   CASE WHEN r_misc < 0.5 THEN jsonb_build_object('user_ids', jsonb_build_array(g % 5000)) END,
                   CASE WHEN finished THEN 100 ELSE r_misc * 100 END, points, points,
                   CASE WHEN status = 'Failed' THEN points / 10 ELSE 0 END, 1, name || '-1',
                   created_at + interval '2 seconds', end_time,
                   CASE WHEN status = 'Succeeded' THEN jsonb_build_object('rows_written', points / 50) END,
                   CASE WHEN status = 'Failed' THEN 'worker exited with code 1: connection reset' END,
                   (ARRAY['ci', 'admin', 'scheduler'])[1 + g % 3], created_at, coalesce(end_time, created_at),
                   CASE WHEN end_time < now() - interval '7 days' THEN end_time + interval '7 days' END
            FROM (
                SELECT *, replace(skill, '_', '-') || '-' || to_hex(g) AS name,
                       CASE WHEN finished THEN created_at + interval '2 seconds' + r_misc * interval '30 minutes'
                       END AS end_time
                FROM (
                    SELECT g, r_misc, (r_misc * 5000000)::bigint AS points,
                           now() - (? - g + random()) * ? * interval '1 second' AS created_at,
                           (?::text[])[1 + floor(r_skill * r_skill * ?)::int] AS skill,
                           CASE WHEN r_ns < 0.7 THEN ? WHEN r_ns < 0.85 THEN 'tracks-staging'
                                WHEN r_ns < 0.95 THEN 'team-a' ELSE 'team-b' END AS namespace,
                           CASE WHEN g > ? - 300
                                THEN (ARRAY['Pending', 'Waiting', 'Queued', 'Running', 'Succeeded', 'Failed',
                                            'Cancelled'])[1 + floor(r_status * 7)::int]
                                WHEN r_status < 0.90 THEN 'Succeeded' WHEN r_status < 0.96 THEN 'Failed'
                                ELSE 'Cancelled' END AS status
                    FROM (SELECT g, random() AS r_skill, random() AS r_ns, random() AS r_status,
                                 random() AS r_misc
                          FROM generate_series(1, ?) g OFFSET 0) AS draws
                    OFFSET 0) AS drawn,
                LATERAL (SELECT drawn.status IN ('Succeeded', 'Failed', 'Cancelled') AS finished) AS f
            ) AS rows""";

    private TaskRows() {
    }

    /** Inserts {@code count} rows over the last 365 days, {@code namespace} holding 70 % of them; then analyzes. */
    static void fill(DataSource database, int count, String namespace) throws SQLException {
        double secondsPerRow = 365.0 * 86400 / count;
        String[] skills = Arrays.stream(Skill.values()).map(Skill::id).toArray(String[]::new);
        try (Connection connection = database.getConnection()) {
            try (Statement seed = connection.createStatement()) {
                seed.execute("SELECT setseed(0.7)");
            }
            try (PreparedStatement insert = connection.prepareStatement(FILL)) {
                int i = 0;
                insert.setInt(++i, count);
                insert.setDouble(++i, secondsPerRow);
                insert.setArray(++i, connection.createArrayOf("text", skills));
                insert.setInt(++i, skills.length);
                insert.setString(++i, namespace);
                insert.setInt(++i, count);
                insert.setInt(++i, count);
                insert.executeUpdate();
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("VACUUM ANALYZE analysis_tasks");
            }
        }
    }

    /** Rows per status and how many are live, for the report. */
    static String summary(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT status, count(*), count(*) FILTER (WHERE deleted_at IS NULL)"
                     + " FROM analysis_tasks GROUP BY status ORDER BY count(*) DESC")) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                text.append(String.format("%s %d (%d live); ", rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
            return text.toString();
        }
    }
}
