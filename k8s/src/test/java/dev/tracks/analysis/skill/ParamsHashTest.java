package dev.tracks.analysis.skill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsHashTest {

    @Test
    void theHashIsOfTheResolvedParametersWhateverTheirSpellingAndOrder() {
        String defaults = ParamsHash.of(Skill.STAY_DETECTION, Map.of());
        assertThat(defaults).hasSize(64).matches("[0-9a-f]+");
        double defaultDistance = ((Number) SkillCatalog.definition(Skill.STAY_DETECTION).param("distThresholdMeters")
                .orElseThrow().defaultValue()).doubleValue();
        assertThat(ParamsHash.of(Skill.STAY_DETECTION, Map.of("distThresholdMeters", (int) defaultDistance)))
                .as("the default given explicitly, as an integer").isEqualTo(defaults);
        assertThat(ParamsHash.of(Skill.STAY_DETECTION, Map.of("distThresholdMeters", 40))).isNotEqualTo(defaults);
        assertThat(ParamsHash.of(Skill.STAY_DETECTION, Map.of("distThresholdMeters", 40.0)))
                .isEqualTo(ParamsHash.of(Skill.STAY_DETECTION, Map.of("distThresholdMeters", 40)));
        assertThat(ParamsHash.of(Skill.TRIP_CONSTRUCTION, Map.of())).isNotEqualTo(defaults);
    }

    @Test
    void canonicalJsonSortsNamesAndSpellsEachValueOneWay() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("b", 1.50);
        values.put("a", "say \"hi\"\n");
        values.put("c", true);
        values.put("d", 1e-5);
        assertThat(ParamsHash.canonicalJson(values)).isEqualTo("{\"a\":\"say \\\"hi\\\"\\u000a\",\"b\":1.5,"
                + "\"c\":true,\"d\":0.00001}");
    }
}
