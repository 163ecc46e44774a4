package dev.tracks.analysis.api.lineage;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The queries on stale_results (V26), which the worker's runs write and clear. */
@ApplicationScoped
public class StaleResults {

    private final AgroalDataSource dataSource;

    StaleResults(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    StalenessResource.Summary summary() {
        Map<Skill, StalenessResource.SkillStaleness> bySkill = new EnumMap<>(Skill.class);
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT skill_name, count(*), min(invalidated_at)"
                     + " FROM stale_results GROUP BY skill_name");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                // A name the catalog no longer has (a skill removed since) is not listed.
                Optional<Skill> skill = Skill.fromId(row.getString(1));
                if (skill.isPresent()) {
                    bySkill.put(skill.get(), new StalenessResource.SkillStaleness(skill.get().id(), row.getLong(2),
                            row.getObject(3, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw ApiException.database("the database cannot be reached", e);
        }
        List<StalenessResource.SkillStaleness> skills = SkillCatalog.inDependencyOrder(bySkill.keySet()).stream()
                .map(bySkill::get).toList();
        return new StalenessResource.Summary(skills,
                skills.stream().mapToLong(StalenessResource.SkillStaleness::staleUsers).sum());
    }

    StalenessResource.StaleUsers users(Skill skill, int limit, int offset) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement page = db.prepareStatement("SELECT user_id, invalidated_at, cause_skill, reason,"
                     + " task_uid FROM stale_results WHERE skill_name = ? ORDER BY user_id OFFSET ? LIMIT ?");
             PreparedStatement count = db.prepareStatement("SELECT count(*) FROM stale_results"
                     + " WHERE skill_name = ?")) {
            page.setString(1, skill.id());
            page.setInt(2, offset);
            page.setInt(3, limit);
            List<StalenessResource.StaleUser> users = new ArrayList<>();
            try (ResultSet row = page.executeQuery()) {
                while (row.next()) {
                    users.add(new StalenessResource.StaleUser(row.getString(1),
                            row.getObject(2, OffsetDateTime.class), row.getString(3), row.getString(4),
                            row.getObject(5, UUID.class)));
                }
            }
            count.setString(1, skill.id());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new StalenessResource.StaleUsers(skill.id(), users, row.getLong(1), limit, offset);
            }
        } catch (SQLException e) {
            throw ApiException.database("the database cannot be reached", e);
        }
    }
}
