package dev.tracks.analysis.skill;

/** A constraint between two numeric parameters of one skill: {@code lower} must be below {@code upper}. */
public record ParamOrder(String lower, String upper) {
}
