package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The admin loads geocoding's runs name, read once and kept: the last one read, as a task's users were geocoded with
 * one load (a worldwide admin-1 load takes seconds and some 60 MB). A load that is gone (pruned after a newer one
 * replaced it) fails the task, not retryable: the runs naming it are stale, and geocoding recomputes them on the
 * active load at its next run.
 */
final class AdminLoads {

    private AdminAreas last;

    synchronized AdminAreas of(Connection db, String userId, long loadId) throws SQLException {
        if (last == null || last.loadId() != loadId) {
            AdminAreas areas = AdminAreas.read(db, loadId);
            if (areas.size() == 0) {
                throw WorkerFailure.notRetryable("admin_crossings: the admin_visits of user " + userId + " were made"
                        + " with admin load " + loadId + ", which is gone (pruned): run geocoding again (it"
                        + " recomputes on the active load), then admin_crossings");
            }
            last = areas;
        }
        return last;
    }
}
