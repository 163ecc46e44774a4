package dev.tracks.analysis.worker.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.skill.FixSelection;
import dev.tracks.analysis.skill.ParamSpec;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.worker.stay.StayParameters;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each implemented skill's parameter record binds to its catalog entry by name: a renamed, missing or extra
 * parameter fails here, in the build, rather than at run time or as a silently used default.
 */
class SkillParamsBindingTest {

    /** A record that names a parameter differently from the catalog. */
    record Renamed(double distanceMeters, double timeThresholdMinutes, double gapThresholdMinutes,
                   boolean includeLast) {
    }

    /** A record that lacks one of the catalog's parameters. */
    record Partial(double distThresholdMeters, double timeThresholdMinutes, double gapThresholdMinutes) {
    }

    @Test
    void everyImplementedSkillBindsItsCatalogEntryWithTheDefaults() {
        SkillRegistry registry = SkillRegistry.standard();
        for (Skill skill : registry.implemented()) {
            Class<? extends Record> type = registry.get(skill).parameters();
            Map<String, Object> required = new HashMap<>();
            SkillCatalog.definition(skill).params().stream().filter(ParamSpec::required)
                    .forEach(p -> required.put(p.name(), "given"));
            SkillParams params = SkillParams.resolve(skill, required);

            Record bound = params.bind(type);

            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(skill.id()).containsExactlyInAnyOrderElementsOf(SkillCatalog.definition(skill).params()
                            .stream().map(ParamSpec::name).filter(name -> !FixSelection.runtimeParams()
                                    .contains(name)).toList());
            for (RecordComponent component : type.getRecordComponents()) {
                Object value = accessor(component, bound);
                Object catalog = params.asMap().get(component.getName());
                if (value instanceof Number number) {
                    assertThat(number.doubleValue()).as(skill.id() + "." + component.getName())
                            .isEqualTo(((Number) catalog).doubleValue());
                } else if (value != null) {
                    assertThat(value.toString()).as(skill.id() + "." + component.getName())
                            .isEqualTo(catalog.toString());
                }
            }
        }
    }

    @Test
    void givenValuesWinOverDefaults() {
        StayParameters bound = SkillParams.resolve(Skill.STAY_DETECTION, Map.of("distThresholdMeters", 50,
                "includeLast", true)).bind(StayParameters.class);

        assertThat(bound).isEqualTo(new StayParameters(50, 5, 15, true));
    }

    @Test
    void aRenamedOrMissingParameterFails() {
        SkillParams params = SkillParams.resolve(Skill.STAY_DETECTION, Map.of());

        assertThatThrownBy(() -> params.bind(Renamed.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("distThresholdMeters");
        assertThatThrownBy(() -> params.bind(Partial.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("includeLast");
    }

    @Test
    void defaultsAreFoundByTheRecordOfAnImplementedSkill() {
        assertThat(SkillParams.defaults(StayParameters.class)).isEqualTo(new StayParameters(100, 5, 15, false));
    }

    private static Object accessor(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
