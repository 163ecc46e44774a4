package dev.tracks.analysis.api.local;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.task.TaskResources;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local mode's stand-in for the Kubernetes API: AnalysisTask resources as JSON in {@code local_tasks}, with the
 * metadata the API server would set (uid, generated name, generation, resourceVersion, creationTimestamp). Each
 * change is one statement that bumps the resourceVersion, so concurrent changes of spec and status never overwrite
 * each other. Statements join the caller's transaction: a task and its mirror row are committed together. A task
 * created or cancelled is announced ({@link Changed}), so that the local controller decides at once.
 */
@ApplicationScoped
@Typed(LocalTaskStore.class)
public class LocalTaskStore implements TaskResources {

    /** The characters the API server uses for the suffix of a generated name. */
    private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    /** A task was created or cancelled; observers that act on it observe after the commit. */
    public record Changed(String namespace, String name) {
    }

    private final AgroalDataSource dataSource;
    private final Event<Changed> changes;

    LocalTaskStore(AgroalDataSource dataSource, Event<Changed> changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    @Override
    public AnalysisTask create(AnalysisTask task) {
        AnalysisTask created = JSON.clone(task);
        var metadata = created.getMetadata();
        if (metadata.getName() == null && metadata.getGenerateName() != null) {
            metadata.setName(metadata.getGenerateName() + suffix());
        }
        metadata.setUid(UUID.randomUUID().toString());
        metadata.setGeneration(1L);
        metadata.setCreationTimestamp(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        AnalysisTask stored = query("INSERT INTO local_tasks (uid, namespace, name, resource)"
                + " VALUES (?, ?, ?, jsonb_set(?::jsonb, '{metadata,resourceVersion}',"
                + " to_jsonb(nextval('local_resource_versions')::text)))"
                + " ON CONFLICT (namespace, name) DO NOTHING RETURNING resource", (connection, insert) -> {
                    insert.setObject(1, UUID.fromString(metadata.getUid()));
                    insert.setString(2, metadata.getNamespace());
                    insert.setString(3, metadata.getName());
                    insert.setString(4, JSON.asJson(created));
                }).stream().findFirst()
                .orElseThrow(() -> ApiException.conflict("a task named " + metadata.getName() + " exists already"));
        changes.fire(new Changed(metadata.getNamespace(), metadata.getName()));
        return stored;
    }

    @Override
    public Optional<AnalysisTask> get(String namespace, String name) {
        return named(namespace, List.of(name)).stream().findFirst();
    }

    /** Sets spec.cancel and bumps the generation in one statement, as a merge patch of the spec would. */
    @Override
    public AnalysisTask cancel(String namespace, String name) {
        List<AnalysisTask> changed = query("UPDATE local_tasks SET resource = jsonb_set(jsonb_set(jsonb_set("
                + "resource, '{spec,cancel}', 'true'),"
                + " '{metadata,generation}', to_jsonb((resource->'metadata'->>'generation')::bigint + 1)),"
                + " '{metadata,resourceVersion}', to_jsonb(nextval('local_resource_versions')::text))"
                + " WHERE namespace = ? AND name = ? AND (resource->'spec'->>'cancel') IS DISTINCT FROM 'true'"
                + " RETURNING resource", (connection, update) -> {
                    update.setString(1, namespace);
                    update.setString(2, name);
                });
        if (!changed.isEmpty()) {
            changes.fire(new Changed(namespace, name));
        }
        return changed.stream().findFirst().or(() -> get(namespace, name))
                .orElseThrow(() -> ApiException.notFound("no task " + namespace + "/" + name));
    }

    /**
     * The tasks of the namespace that have not finished, oldest first, each with the counts its worker reported into
     * the task's analysis_tasks row as status.progress, where a cluster's worker reports them (a retry counts on from
     * them).
     */
    public List<AnalysisTask> unfinished(String namespace) {
        return query("SELECT CASE WHEN a.processed_points IS NULL THEN l.resource"
                + " ELSE jsonb_set(l.resource, '{status,progress}', jsonb_strip_nulls(jsonb_build_object("
                + "'totalPoints', a.total_points, 'processedPoints', a.processed_points,"
                + " 'failedPoints', a.failed_points))) END"
                + " FROM local_tasks l LEFT JOIN analysis_tasks a ON a.uid = l.uid"
                + " WHERE l.namespace = ? AND NOT l.finished"
                + " ORDER BY l.resource->'metadata'->>'creationTimestamp', l.name",
                (connection, select) -> select.setString(1, namespace));
    }

    /** The tasks of the namespace with these names (those that exist). */
    public List<AnalysisTask> named(String namespace, Collection<String> names) {
        return query("SELECT resource FROM local_tasks WHERE namespace = ? AND name = ANY (?)",
                (connection, select) -> {
                    select.setString(1, namespace);
                    select.setArray(2, connection.createArrayOf("text", names.toArray()));
                });
    }

    /**
     * Replaces the task's status, leaving its spec and metadata as they are now (a cancel may have come in since
     * the caller read the task), as the status subresource does; returns the task as stored.
     */
    public AnalysisTask updateStatus(UUID uid, AnalysisTaskStatus status) {
        boolean finished = status.getPhase() != null && status.getPhase().isFinished();
        return query("UPDATE local_tasks SET resource = jsonb_set(jsonb_set(resource, '{status}', ?::jsonb),"
                + " '{metadata,resourceVersion}', to_jsonb(nextval('local_resource_versions')::text)),"
                + " finished = ? WHERE uid = ? RETURNING resource", (connection, update) -> {
                    update.setString(1, JSON.asJson(status));
                    update.setBoolean(2, finished);
                    update.setObject(3, uid);
                }).stream().findFirst().orElseThrow(() -> new IllegalStateException("no local task " + uid));
    }

    private interface Parameters {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private List<AnalysisTask> query(String sql, Parameters parameters) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(sql)) {
                parameters.bind(connection, select);
                return read(select);
            }
        });
    }

    private static List<AnalysisTask> read(PreparedStatement select) throws SQLException {
        List<AnalysisTask> tasks = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tasks.add(JSON.unmarshal(rows.getString(1), AnalysisTask.class));
            }
        }
        return tasks;
    }

    private static String suffix() {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_SUFFIX_ALPHABET.charAt(RANDOM.nextInt(NAME_SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
