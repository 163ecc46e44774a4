package dev.tracks.analysis.skill;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which fixes a skill that reads fixes sees: by default those outlier_detection did not flag; with ALL every fix, as
 * trackintel does (it has no outlier step), so that its results can be reproduced exactly. The catalog gives every
 * skill that reads clean fixes the parameter {@value #PARAM}; the runtime, not the skill's algorithm, applies it.
 */
public enum FixSelection {
    CLEAN,
    ALL;

    public static final String PARAM = "fixes";

    static ParamSpec param() {
        return ParamSpec.choice(PARAM, CLEAN.name(), Arrays.stream(values()).map(Enum::name).toList(),
                "CLEAN skips the fixes outlier_detection flagged; ALL reads every fix, as trackintel does.");
    }

    /** The selection the given (resolved or raw) parameters ask for; CLEAN when they do not say. */
    static FixSelection of(Map<String, ?> params) {
        Object value = params == null ? null : params.get(PARAM);
        return value == null ? CLEAN : valueOf(value.toString());
    }

    /** The names of parameters the runtime consumes rather than a skill's algorithm. */
    public static List<String> runtimeParams() {
        return List.of(PARAM);
    }
}
