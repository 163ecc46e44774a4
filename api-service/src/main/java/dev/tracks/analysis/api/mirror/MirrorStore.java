package dev.tracks.analysis.api.mirror;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The writes to {@code analysis_tasks}. Each public method is one transaction (it joins the caller's, if any) that
 * first takes a transaction-scoped advisory lock on each namespace it writes, in name order, so that mirror writes of
 * one namespace, from the informer, from {@link TaskMirror#record} or from another replica, never interleave: the
 * dependency arrays are then computed from a settled state and updates of neighbouring rows cannot deadlock.
 *
 * <p>Changes are written in batches (one transaction, one JDBC batch of upserts; see {@link #write}): one
 * transaction, lock and relink per change capped the mirror at about 70 changes a second (docs/benchmarks.md).
 *
 * <p>Ordering: a row is only overwritten by a newer resourceVersion. Kubernetes calls resourceVersions opaque, but
 * every etcd-backed API server issues etcd revisions, which are integers that grow with every write; when both
 * versions are decimal integers they are compared as numbers (arbitrary precision). Otherwise (never seen on a real
 * API server) the event is applied whenever the version differs: last delivery wins. An equal version is the same
 * state and is not written again.
 *
 * <p>Progress and result summary keep their last value when a change carries none: in a cluster the worker's fields
 * never go away once written, and in the local mode the worker writes them into the row directly while the task's
 * status (the controller's fields) carries none.
 */
@ApplicationScoped
class MirrorStore {

    /** First key of the advisory lock (the second is the namespace's hash): "tr" for tracks. */
    private static final int LOCK_CLASS = 0x7472;

    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(?))";

    private static final String UPSERT = """
            INSERT INTO analysis_tasks AS t (namespace, name, uid, resource_version, generation, skill_name,
                task_type, status, priority, params, scope, progress_percent, eta_seconds, points_per_second,
                total_points, processed_points, failed_points, attempts, job_name, chain_id, start_time, end_time,
                result_summary, error_message, depends_on, created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?,
                ?, ?, coalesce(?, now()), now())
            ON CONFLICT (uid) DO UPDATE SET resource_version = EXCLUDED.resource_version,
                generation = EXCLUDED.generation, skill_name = EXCLUDED.skill_name, task_type = EXCLUDED.task_type,
                status = EXCLUDED.status, priority = EXCLUDED.priority, params = EXCLUDED.params,
                scope = EXCLUDED.scope, progress_percent = coalesce(EXCLUDED.progress_percent, t.progress_percent),
                eta_seconds = coalesce(EXCLUDED.eta_seconds, t.eta_seconds),
                points_per_second = coalesce(EXCLUDED.points_per_second, t.points_per_second),
                total_points = coalesce(EXCLUDED.total_points, t.total_points),
                processed_points = coalesce(EXCLUDED.processed_points, t.processed_points),
                failed_points = coalesce(EXCLUDED.failed_points, t.failed_points),
                attempts = EXCLUDED.attempts, job_name = EXCLUDED.job_name,
                chain_id = EXCLUDED.chain_id, start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time,
                result_summary = coalesce(EXCLUDED.result_summary, t.result_summary),
                error_message = EXCLUDED.error_message,
                depends_on = EXCLUDED.depends_on, created_by = EXCLUDED.created_by, updated_at = now()
            WHERE CASE WHEN t.resource_version ~ '^[0-9]+$' AND EXCLUDED.resource_version ~ '^[0-9]+$'
                       THEN EXCLUDED.resource_version::numeric > t.resource_version::numeric
                       ELSE EXCLUDED.resource_version IS DISTINCT FROM t.resource_version END""";

    /** The dependency names of the rows that exist already, to tell which changes can move a link. */
    private static final String EXISTING = "SELECT uid, depends_on FROM analysis_tasks WHERE uid = ANY (?::uuid[])";

    private static final String ID_OF = "SELECT id FROM analysis_tasks WHERE uid = ?";

    private static final String MARK_DELETED =
            "UPDATE analysis_tasks SET deleted_at = now(), updated_at = now() WHERE uid = ? AND deleted_at IS NULL";

    /** Rows of the namespace that are absent from a listing and were mirrored from a state older than it. */
    private static final String MARK_MISSING_DELETED = """
            UPDATE analysis_tasks SET deleted_at = now(), updated_at = now()
            WHERE namespace = ? AND deleted_at IS NULL AND uid <> ALL (?::uuid[])
              AND CASE WHEN resource_version ~ '^[0-9]+$' AND ?::text ~ '^[0-9]+$'
                       THEN resource_version::numeric < ?::numeric ELSE true END""";

    /**
     * Recomputes both id arrays of the live rows chosen by the {@code affected} query, from the names in depends_on
     * (live rows of the same namespace only), and writes only the rows whose arrays change. Deleted rows keep the
     * arrays they had when they were deleted.
     */
    private static final String RELINK = """
            WITH affected AS (%s),
            computed AS (
                SELECT t.id,
                       ARRAY(SELECT d.id FROM analysis_tasks d WHERE d.namespace = t.namespace
                             AND d.deleted_at IS NULL AND d.name = ANY (t.depends_on) ORDER BY d.id) AS depends_ids,
                       ARRAY(SELECT b.id FROM analysis_tasks b WHERE b.namespace = t.namespace
                             AND b.deleted_at IS NULL AND b.depends_on @> ARRAY[t.name] ORDER BY b.id) AS blocks_ids
                FROM analysis_tasks t JOIN affected USING (id))
            UPDATE analysis_tasks t SET depends_on_task_ids = c.depends_ids, blocks_task_ids = c.blocks_ids
            FROM computed c
            WHERE t.id = c.id AND (t.depends_on_task_ids <> c.depends_ids OR t.blocks_task_ids <> c.blocks_ids)""";

    /**
     * Around the changed rows of one namespace (given by uid): the rows themselves, their dependencies and dependents
     * by name, and the rows that were linked to them before.
     */
    private static final String RELINK_AROUND = RELINK.formatted("""
            SELECT t.id FROM analysis_tasks t,
                 (SELECT array_agg(id) AS ids, array_agg(name) AS names,
                         array_agg(DISTINCT d) FILTER (WHERE d IS NOT NULL) AS dependencies
                  FROM analysis_tasks LEFT JOIN LATERAL unnest(depends_on) AS d ON true
                  WHERE uid = ANY (?::uuid[])) c
            WHERE t.namespace = ? AND t.deleted_at IS NULL
              AND (t.name = ANY (c.names) OR t.name = ANY (c.dependencies) OR t.depends_on && c.names
                   OR t.depends_on_task_ids && c.ids OR t.blocks_task_ids && c.ids)""");

    /**
     * All live rows of a namespace at once (the resync after a start): the dependency edges are joined and grouped as
     * sets, linear in the number of live tasks; {@link #RELINK}'s per-row lookups made this quadratic (15,000 live
     * tasks: 40 s before, 0.6 s now, measured on the embedded PostgreSQL).
     */
    private static final String RELINK_NAMESPACE = """
            WITH live AS (SELECT id, name, depends_on FROM analysis_tasks WHERE namespace = ? AND deleted_at IS NULL),
            edges AS (
                SELECT t.id AS task_id, d.id AS dependency_id
                FROM live t CROSS JOIN LATERAL unnest(t.depends_on) AS n(name) JOIN live d ON d.name = n.name),
            computed AS (
                SELECT l.id, coalesce(dp.ids, '{}') AS depends_ids, coalesce(bl.ids, '{}') AS blocks_ids
                FROM live l
                LEFT JOIN (SELECT task_id AS id, array_agg(dependency_id ORDER BY dependency_id) AS ids
                           FROM edges GROUP BY task_id) dp USING (id)
                LEFT JOIN (SELECT dependency_id AS id, array_agg(task_id ORDER BY task_id) AS ids
                           FROM edges GROUP BY dependency_id) bl USING (id))
            UPDATE analysis_tasks t SET depends_on_task_ids = c.depends_ids, blocks_task_ids = c.blocks_ids
            FROM computed c
            WHERE t.id = c.id AND (t.depends_on_task_ids <> c.depends_ids OR t.blocks_task_ids <> c.blocks_ids)""";

    private final AgroalDataSource dataSource;
    private final Consumer<TasksChanged> changed;

    @Inject
    MirrorStore(AgroalDataSource dataSource, Event<TasksChanged> changed) {
        this(dataSource, changed::fire);
    }

    /** {@code changed} hears of every write, in the writing transaction. */
    MirrorStore(AgroalDataSource dataSource, Consumer<TasksChanged> changed) {
        this.dataSource = dataSource;
        this.changed = changed;
    }

    /** One change to write: the last known state of a resource, and whether the resource is gone. */
    record Change(MirrorRow row, boolean deleted) {
    }

    /** Writes the row unless it holds a newer state already (as {@link #write}) and returns its id. */
    long upsert(MirrorRow row) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                write(connection, List.of(new Change(row, false)));
                changed.accept(new TasksChanged(Set.of(row.uid())));
                return findId(connection, row.uid()).orElseThrow();
            }
        });
    }

    /**
     * Writes the changes, each of a different resource, in one transaction: every row unless it holds a newer state
     * already; for a resource that is gone, its last state, then deleted_at (once). Only rows that can move a
     * dependency link (a new row, changed depends_on names, a deletion) are relinked, with their neighbours, in one
     * statement per namespace: a status or progress update changes no link.
     */
    void write(List<Change> changes) {
        QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                write(connection, changes);
                changed.accept(new TasksChanged(changes.stream().map(c -> c.row().uid())
                        .collect(Collectors.toSet())));
                return null;
            }
        });
    }

    /**
     * Marks deleted the live rows of {@code namespace} whose uid is not among {@code present}, a complete listing
     * at {@code listedVersion}; rows mirrored from a later state (written after the listing) are left alone. Returns
     * how many rows were marked.
     */
    int markMissingDeleted(String namespace, Collection<UUID> present, String listedVersion) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                lock(connection, namespace);
                int marked;
                try (PreparedStatement statement = connection.prepareStatement(MARK_MISSING_DELETED)) {
                    statement.setString(1, namespace);
                    statement.setArray(2, connection.createArrayOf("text",
                            present.stream().map(UUID::toString).toArray()));
                    statement.setString(3, listedVersion);
                    statement.setString(4, listedVersion);
                    marked = statement.executeUpdate();
                }
                try (PreparedStatement statement = connection.prepareStatement(RELINK_NAMESPACE)) {
                    statement.setString(1, namespace);
                    statement.executeUpdate();
                }
                if (marked > 0) {
                    changed.accept(new TasksChanged(Set.of()));
                }
                return marked;
            }
        });
    }

    Optional<Long> idOf(UUID uid) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return findId(connection, uid);
            }
        });
    }

    private static void lock(Connection connection, String namespace) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, namespace);
            statement.execute();
        }
    }

    private static void write(Connection connection, List<Change> changes) throws SQLException {
        // By version, so that row ids follow the order in which resources were written.
        List<Change> ordered = changes.stream().sorted(Comparator.comparing((Change c) -> c.row().namespace())
                .thenComparing(c -> c.row().resourceVersion(), MirrorStore::compareVersions)).toList();
        for (String namespace : new TreeSet<>(ordered.stream().map(c -> c.row().namespace()).toList())) {
            lock(connection, namespace);
        }
        Map<UUID, List<String>> existing = existing(connection, ordered);
        Map<String, List<UUID>> relink = new TreeMap<>();
        int[] written;
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (Change change : ordered) {
                bind(statement, connection, change.row());
                statement.addBatch();
            }
            written = statement.executeBatch();
        }
        for (int i = 0; i < ordered.size(); i++) {
            MirrorRow row = ordered.get(i).row();
            List<String> dependencies = existing.get(row.uid());
            if (written[i] > 0 && (dependencies == null || !dependencies.equals(row.dependsOn()))) {
                relink.computeIfAbsent(row.namespace(), n -> new ArrayList<>()).add(row.uid());
            }
        }
        List<Change> deletions = ordered.stream().filter(Change::deleted).toList();
        if (!deletions.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(MARK_DELETED)) {
                for (Change deletion : deletions) {
                    statement.setObject(1, deletion.row().uid());
                    statement.addBatch();
                }
                int[] marked = statement.executeBatch();
                for (int i = 0; i < deletions.size(); i++) {
                    if (marked[i] > 0) {
                        MirrorRow row = deletions.get(i).row();
                        relink.computeIfAbsent(row.namespace(), n -> new ArrayList<>()).add(row.uid());
                    }
                }
            }
        }
        for (Map.Entry<String, List<UUID>> namespace : relink.entrySet()) {
            relinkAround(connection, namespace.getKey(), namespace.getValue());
        }
    }

    private static Map<UUID, List<String>> existing(Connection connection, List<Change> changes)
            throws SQLException {
        Map<UUID, List<String>> dependencies = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
            statement.setArray(1, connection.createArrayOf("uuid", changes.stream().map(c -> c.row().uid())
                    .toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    dependencies.put(result.getObject(1, UUID.class),
                            Arrays.asList((String[]) result.getArray(2).getArray()));
                }
            }
        }
        return dependencies;
    }

    /** Decimal versions as numbers, others as text; the upsert decides what is newer, this only orders a batch. */
    private static int compareVersions(String a, String b) {
        if (a != null && b != null && a.matches("[0-9]+") && b.matches("[0-9]+")) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a, b);
    }

    private static void bind(PreparedStatement statement, Connection connection, MirrorRow row) throws SQLException {
        int i = 0;
        statement.setString(++i, row.namespace());
        statement.setString(++i, row.name());
        statement.setObject(++i, row.uid());
        statement.setString(++i, row.resourceVersion());
        statement.setObject(++i, row.generation(), Types.BIGINT);
        statement.setString(++i, row.skillName());
        statement.setString(++i, row.taskType());
        statement.setString(++i, row.status().displayName());
        statement.setInt(++i, row.priority());
        statement.setString(++i, row.paramsJson());
        statement.setString(++i, row.scopeJson());
        statement.setObject(++i, row.progressPercent(), Types.DOUBLE);
        statement.setObject(++i, row.etaSeconds(), Types.BIGINT);
        statement.setObject(++i, row.pointsPerSecond(), Types.DOUBLE);
        statement.setObject(++i, row.totalPoints(), Types.BIGINT);
        statement.setObject(++i, row.processedPoints(), Types.BIGINT);
        statement.setObject(++i, row.failedPoints(), Types.BIGINT);
        statement.setObject(++i, row.attempts(), Types.INTEGER);
        statement.setString(++i, row.jobName());
        statement.setString(++i, row.chainId());
        statement.setObject(++i, row.startTime(), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(++i, row.endTime(), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(++i, row.resultSummaryJson());
        statement.setString(++i, row.errorMessage());
        statement.setArray(++i, connection.createArrayOf("text", row.dependsOn().toArray()));
        statement.setString(++i, row.createdBy());
        statement.setObject(++i, row.createdAt(), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static void relinkAround(Connection connection, String namespace, List<UUID> uids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RELINK_AROUND)) {
            statement.setArray(1, connection.createArrayOf("uuid", uids.toArray()));
            statement.setString(2, namespace);
            statement.executeUpdate();
        }
    }

    private static Optional<Long> findId(Connection connection, UUID uid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ID_OF)) {
            statement.setObject(1, uid);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
            }
        }
    }
}
