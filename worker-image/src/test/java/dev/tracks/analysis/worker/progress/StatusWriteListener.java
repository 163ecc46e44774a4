package dev.tracks.analysis.worker.progress;

import dev.tracks.analysis.task.AnalysisTask;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.UUID;

/**
 * A benchmark stand-in for the real status path, with a comparable cost per report but no API server: the status
 * body of {@link TaskStatusProgress} serialised to JSON, and an UPDATE of the task's analysis_tasks row (what the
 * status mirror writes) in its own transaction, synchronously in the worker's thread. The connection must have
 * autocommit off; the listener owns and closes it.
 */
public final class StatusWriteListener implements ProgressListener, AutoCloseable {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final Connection db;
    private final PreparedStatement update;
    private final UUID uid;
    private long reports;
    private long jsonBytes;
    private long nanos;

    public StatusWriteListener(Connection db) throws SQLException {
        this.db = db;
        this.uid = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO analysis_tasks (namespace, name, uid,"
                + " skill_name, task_type, status) VALUES ('bench', ?, ?, 'outlier_detection', 'INCREMENTAL',"
                + " 'Running')")) {
            insert.setString(1, "bench-" + uid);
            insert.setObject(2, uid);
            insert.executeUpdate();
        }
        db.commit();
        update = db.prepareStatement("UPDATE analysis_tasks SET progress_percent = ?, eta_seconds = ?,"
                + " points_per_second = ?, total_points = ?, processed_points = ?, failed_points = ?,"
                + " updated_at = now() WHERE uid = ?");
    }

    @Override
    public void report(ProgressSnapshot progress, boolean last) {
        long start = System.nanoTime();
        String body = serialization.asJson(Map.of("apiVersion", AnalysisTask.GROUP + "/" + AnalysisTask.VERSION,
                "kind", "AnalysisTask", "metadata", Map.of("name", "bench", "namespace", "bench"),
                "status", Map.of("progress", TaskStatusProgress.toStatus(progress))));
        jsonBytes += body.length();
        try {
            update.setDouble(1, Math.round(progress.percent() * 10) / 10.0);
            update.setObject(2, progress.etaSeconds(), Types.BIGINT);
            update.setObject(3, progress.pointsPerSecond(), Types.DOUBLE);
            update.setLong(4, progress.totalPoints());
            update.setLong(5, progress.processedPoints());
            update.setLong(6, progress.failedPoints());
            update.setObject(7, uid);
            update.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("status write failed", e);
        }
        reports++;
        nanos += System.nanoTime() - start;
    }

    public long reports() {
        return reports;
    }

    /** The time spent in {@link #report}: the worker's thread waits for it. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** Read so that the serialisation cannot be optimised away. */
    public long jsonBytes() {
        return jsonBytes;
    }

    @Override
    public void close() throws SQLException {
        update.close();
        db.close();
    }
}
