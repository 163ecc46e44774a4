package dev.tracks.analysis.skill;

/** An edge of the skill DAG: the skill needed first, and the data-flow reason for it. */
public record Dependency(Skill skill, String reason) {
}
