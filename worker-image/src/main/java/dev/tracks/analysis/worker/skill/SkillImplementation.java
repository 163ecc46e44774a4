package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.store.ResultTable;
import java.util.List;

/**
 * A catalog skill as this worker runs it: either over each user's fixes in time order ({@link StreamSkill}), or
 * recomputed per user as a whole from what its dependencies wrote ({@link UserSkill}).
 */
public sealed interface SkillImplementation permits StreamSkill, UserSkill {

    Skill skill();

    /** The tables the skill owns, each with the columns it writes (in the order of the values it writes). */
    List<ResultTable> tables();
}
