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
 *
 * @param coveredPointId the lowest of the dependencies' highest analyzed point ids (0 without dependencies): every
 *     point recorded up to {@code analyzedUpTo} with an id up to this one has been analyzed by all of them, so a
 *     result built on them covers it. A point with a higher id shows as late to the next run.
 */
record DependencyState(Instant analyzedUpTo, Instant finalBefore, long coveredPointId) {

    private static final Watermarks MARKS = new Watermarks("skill_watermarks");

    /** Empty when a dependency has analyzed nothing of the user yet: there is nothing to build on. */
    static Optional<DependencyState> of(Connection db, Skill skill, String userId) throws SQLException {
        Instant analyzedUpTo = null;
        Instant finalBefore = null;
        long coveredPointId = Long.MAX_VALUE;
        for (Skill dependency : SkillCatalog.definition(skill).dependsOn()) {
            Optional<Watermark> mark = MARKS.find(db, dependency, userId);
            if (mark.isEmpty()) {
                return Optional.empty();
            }
            analyzedUpTo = earliest(analyzedUpTo, mark.get().lastRecordedAt());
            finalBefore = earliest(finalBefore, mark.get().resumeFrom());
            coveredPointId = Math.min(coveredPointId, mark.get().lastPointId());
        }
        return Optional.of(new DependencyState(analyzedUpTo, finalBefore,
                coveredPointId == Long.MAX_VALUE ? 0 : coveredPointId));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
