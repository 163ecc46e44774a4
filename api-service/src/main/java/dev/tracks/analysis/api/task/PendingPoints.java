package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.skill.ParamsHash;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.TaskScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The dry run before a task is created: how many points it would analyze, from the schema's pending_points (the
 * same definition the worker counts with before its run). Users whose results are stale, or were computed with other
 * parameters than the task's, count all their points: the run recomputes them.
 */
@ApplicationScoped
public class PendingPoints {

    private final AgroalDataSource dataSource;

    PendingPoints(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(AnalysisTaskSpec spec) {
        TaskScope scope = spec.scopeIfAny().orElse(null);
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement(
                     "SELECT coalesce(sum(points), 0) FROM pending_points(?, ?, ?, ?, ?, ?, ?)")) {
            query.setString(1, spec.getSkill().id());
            query.setBoolean(2, spec.modeOrDefault() == TaskMode.INCREMENTAL);
            query.setBoolean(3, !SkillCatalog.definition(spec.getSkill()).readsAllFixes(spec.paramsOrEmpty()));
            query.setArray(4, scope == null || scope.getUserIds() == null || scope.getUserIds().isEmpty() ? null
                    : db.createArrayOf("text", scope.getUserIds().toArray()));
            query.setObject(5, time(scope == null ? null : scope.getFrom()));
            query.setObject(6, time(scope == null ? null : scope.getTo()));
            query.setString(7, ParamsHash.of(spec.getSkill(), spec.paramsOrEmpty()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw ApiException.database("the database cannot be reached; nothing was created", e);
        }
    }

    /** Scope times were validated as RFC 3339 before. */
    private static OffsetDateTime time(String value) {
        return value == null ? null : OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC);
    }
}
