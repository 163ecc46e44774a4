package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.worker.store.Watermark;
import dev.tracks.analysis.worker.store.Watermarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a skill's dependencies have analyzed one user: a skill reads only what all of them have analyzed
 * ({@code analyzedUpTo}), and its results can be final only before the earliest of their provisional results
 * ({@code finalBefore}). Both null for a skill without dependencies.
 */
record DependencyState(Instant analyzedUpTo, Instant finalBefore) {

    private static final Watermarks MARKS = new Watermarks("skill_watermarks");

    /** Empty when a dependency has analyzed nothing of the user yet: there is nothing to build on. */
    static Optional<DependencyState> of(Connection db, Skill skill, String userId) throws SQLException {
        Instant analyzedUpTo = null;
        Instant finalBefore = null;
        for (Skill dependency : SkillCatalog.definition(skill).dependsOn()) {
            Optional<Watermark> mark = MARKS.find(db, dependency, userId);
            if (mark.isEmpty()) {
                return Optional.empty();
            }
            analyzedUpTo = earliest(analyzedUpTo, mark.get().lastRecordedAt());
            finalBefore = earliest(finalBefore, mark.get().resumeFrom());
        }
        return Optional.of(new DependencyState(analyzedUpTo, finalBefore));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
