package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes skill_watermarks. A watermark is written in the same transaction as the results it covers, so a
 * worker killed at any moment resumes exactly after its last committed batch.
 */
public final class Watermarks {

    private final String table;

    /** @param table skill_watermarks, or the staging copy of a full recompute */
    public Watermarks(String table) {
        this.table = table;
    }

    public Optional<Watermark> find(Connection db, Skill skill, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT last_recorded_at, last_point_id, analyzed_points,"
                + " resume_from, context_from, params_hash FROM " + table + " WHERE skill_name = ? AND user_id = ?")) {
            query.setString(1, skill.id());
            query.setString(2, userId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Watermark(userId, Sql.instant(row, 1), row.getLong(2), row.getLong(3),
                        Sql.instant(row, 4), Sql.instant(row, 5), row.getString(6)));
            }
        }
    }

    public void save(Connection db, Skill skill, Watermark mark, UUID taskUid) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO " + table + " (skill_name, user_id,"
                + " last_recorded_at, last_point_id, analyzed_points, resume_from, context_from, task_uid, params_hash,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (skill_name, user_id) DO UPDATE SET"
                + " last_recorded_at = excluded.last_recorded_at, last_point_id = excluded.last_point_id,"
                + " analyzed_points = excluded.analyzed_points, resume_from = excluded.resume_from,"
                + " context_from = excluded.context_from, task_uid = excluded.task_uid,"
                + " params_hash = excluded.params_hash, updated_at = now()")) {
            upsert.setString(1, skill.id());
            upsert.setString(2, mark.userId());
            upsert.setObject(3, Sql.timestamp(mark.lastRecordedAt()));
            upsert.setLong(4, mark.lastPointId());
            upsert.setLong(5, mark.analyzedPoints());
            upsert.setObject(6, Sql.timestamp(mark.resumeFrom()));
            upsert.setObject(7, Sql.timestamp(mark.contextFrom()));
            upsert.setObject(8, taskUid);
            upsert.setString(9, mark.paramsHash());
            upsert.executeUpdate();
        }
    }
}
