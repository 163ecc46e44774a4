package dev.tracks.analysis.skill;

/** The value types a skill parameter can take, as written in YAML or JSON. */
public enum ParamType {
    /** A whole number (JSON number without a fraction). */
    INTEGER,
    /** Any finite number. */
    NUMBER,
    BOOLEAN,
    /** A non-blank string. */
    STRING,
    /** One of a fixed list of strings. */
    CHOICE,
    /** An IANA time-zone id such as {@code Europe/Zurich}. */
    TIME_ZONE
}
