package dev.tracks.analysis.skill;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkillParamsTest {

    private final SkillDefinition stays = SkillCatalog.definition(Skill.STAY_DETECTION);

    @Test
    void stayDetectionDefaultsAreTrackintels() {
        assertThat(stays.resolve(Map.of())).containsExactly(
                Map.entry("distThresholdMeters", 100.0),
                Map.entry("timeThresholdMinutes", 5.0),
                Map.entry("gapThresholdMinutes", 15.0),
                Map.entry("includeLast", false),
                Map.entry("fixes", "CLEAN"));
    }

    @Test
    void givenValuesOverrideDefaults() {
        Map<String, Object> given = Map.of("distThresholdMeters", 50, "includeLast", true);
        assertThat(stays.validate(given)).isEmpty();
        assertThat(stays.resolve(given)).containsEntry("distThresholdMeters", 50).containsEntry("includeLast", true)
                .containsEntry("timeThresholdMinutes", 5.0);
    }

    @Test
    void unknownParameterNamesTheAllowedOnes() {
        assertThat(stays.validate(Map.of("radius", 50))).containsExactly(new ParamViolation("radius",
                "is not a parameter of stay_detection; allowed: distThresholdMeters, timeThresholdMinutes,"
                        + " gapThresholdMinutes, includeLast, fixes"));
    }

    @Test
    void wrongTypesAndOutOfBoundsValuesSayWhatIsAllowed() {
        assertThat(stays.validate(Map.of("distThresholdMeters", "far", "includeLast", "yes")))
                .containsExactlyInAnyOrder(
                new ParamViolation("distThresholdMeters", "must be a number between 1 and 5000 m, got \"far\""),
                new ParamViolation("includeLast", "must be true or false, got \"yes\""));
        assertThat(stays.validate(Map.of("distThresholdMeters", 0))).containsExactly(
                new ParamViolation("distThresholdMeters", "must be between 1 and 5000 m, got 0"));
        assertThat(SkillCatalog.definition(Skill.GRID_SYSTEM).validate(Map.of("h3Resolution", 9.5))).containsExactly(
                new ParamViolation("h3Resolution", "must be a whole number between 0 and 15, got 9.5"));
        assertThat(SkillCatalog.definition(Skill.GRID_SYSTEM).validate(Map.of("h3Resolution", 9.0))).isEmpty();
        assertThat(stays.validate(Map.of("gapThresholdMinutes", Double.NaN))).hasSize(1);
    }

    @Test
    void nullValueIsRejected() {
        Map<String, Object> given = new HashMap<>();
        given.put("includeLast", null);
        assertThat(stays.validate(given)).containsExactly(new ParamViolation("includeLast", "must not be null"));
    }

    @Test
    void requiredParameterMustBeGiven() {
        SkillDefinition dataImport = SkillCatalog.definition(Skill.DATA_IMPORT);
        assertThat(dataImport.validate(Map.of())).containsExactly(
                new ParamViolation("source", "is required by data_import"));
        assertThat(dataImport.validate(Map.of("source", "/data/walk.gpx", "format", "KML"))).containsExactly(
                new ParamViolation("format", "must be one of AUTO, GPX, PLT, CSV, GEOJSON, got \"KML\""));
    }

    @Test
    void orderedParametersMustBeInOrder() {
        SkillDefinition modes = SkillCatalog.definition(Skill.TRANSPORT_MODE);
        assertThat(modes.validate(Map.of("slowMaxKmh", 50, "motorizedMaxKmh", 40))).containsExactly(
                new ParamViolation("motorizedMaxKmh", "must be greater than slowMaxKmh (50), got 40"));
        assertThat(modes.validate(Map.of("slowMaxKmh", 100))).as("checked against the default").containsExactly(
                new ParamViolation("motorizedMaxKmh", "must be greater than slowMaxKmh (100), got 100"));
    }

    @Test
    void timeZoneMustBeAnIanaId() {
        SkillDefinition streaks = SkillCatalog.definition(Skill.STREAK_DETECTION);
        assertThat(streaks.validate(Map.of("timeZone", "Europe/Zurich"))).isEmpty();
        assertThat(streaks.validate(Map.of("timeZone", "Mars/Olympus"))).containsExactly(new ParamViolation(
                "timeZone", "must be a time-zone id such as Europe/Zurich or UTC, got \"Mars/Olympus\""));
    }
}
