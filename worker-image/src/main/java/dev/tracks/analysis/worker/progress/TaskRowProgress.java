package dev.tracks.analysis.worker.progress;

import dev.tracks.analysis.worker.store.Database;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Progress (and at the end the result summary) into the task's analysis_tasks row, for runs without a Kubernetes
 * API (local mode, command line with --task-uid): the same columns the status mirror fills from the resource in a
 * cluster. A failed write is logged, not fatal.
 */
public final class TaskRowProgress implements ProgressListener {

    private static final Logger LOG = Logger.getLogger(TaskRowProgress.class.getName());

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final Database database;
    private final UUID taskUid;
    private final Supplier<Map<String, Object>> resultSummary;

    /** @param resultSummary asked for at the last report */
    public TaskRowProgress(Database database, UUID taskUid, Supplier<Map<String, Object>> resultSummary) {
        this.database = database;
        this.taskUid = taskUid;
        this.resultSummary = resultSummary;
    }

    @Override
    public void report(ProgressSnapshot progress, boolean last) {
        try (Connection db = database.connect("tracks-worker-progress");
             PreparedStatement update = db.prepareStatement("UPDATE analysis_tasks SET total_points = ?,"
                     + " processed_points = ?, failed_points = ?, progress_percent = ?, points_per_second = ?,"
                     + " eta_seconds = ?, result_summary = coalesce(?::jsonb, result_summary), updated_at = now()"
                     + " WHERE uid = ?")) {
            update.setLong(1, progress.totalPoints());
            update.setLong(2, progress.processedPoints());
            update.setLong(3, progress.failedPoints());
            update.setDouble(4, Math.min(100, progress.percent()));
            update.setObject(5, progress.pointsPerSecond());
            update.setObject(6, progress.etaSeconds());
            update.setString(7, last ? JSON.asJson(resultSummary.get()) : null);
            update.setObject(8, taskUid);
            update.executeUpdate();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.warning("could not report progress to analysis_tasks row " + taskUid + ": " + e.getMessage());
        }
    }
}
