package dev.tracks.analysis.skill;

/** One invalid skill parameter: its name and what is allowed. */
public record ParamViolation(String param, String message) {
}
