package dev.tracks.analysis.skill;

import java.util.Locale;

/** The families the skills are grouped in; only for listing and documentation, never for scheduling. */
public enum SkillCategory {
    FOUNDATION,
    BEHAVIOR,
    SPATIAL,
    STATISTICS,
    ADVANCED,
    VISUALIZATION,
    INTEGRATION;

    /** The name used on the wire and in documentation, e.g. {@code foundation}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
