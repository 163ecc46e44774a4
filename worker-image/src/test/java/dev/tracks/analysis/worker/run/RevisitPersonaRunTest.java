package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * revisit_pattern and spatial_persona after the default chain on a real PostgreSQL: incremental runs as the days
 * arrive give exactly what a full recompute gives, and a late day changes the results of its user only.
 */
class RevisitPersonaRunTest {

    /** 06:00 in Zurich (UTC+2 in June): the first stay at home touches the night's end at 07:00. */
    private static final Instant MONDAY = Instant.parse("2026-06-01T04:00:00Z");
    private static final long DAY = 86_400;
    private static void runAll(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.runChainAnd(mode, Map.of(), Skill.REVISIT_PATTERN, Skill.SPATIAL_PERSONA);
    }

    private static List<List<Object>> results(RunFixture fixture, String user) throws SQLException {
        List<List<Object>> rows = new ArrayList<>(fixture.rows("SELECT * FROM revisit_patterns WHERE user_id LIKE '"
                + user + "' ORDER BY user_id, location_id"));
        rows.addAll(fixture.rows("SELECT * FROM location_growth WHERE user_id LIKE '" + user
                + "' ORDER BY user_id, visit_index"));
        rows.addAll(fixture.rows("SELECT user_id, label, radius_of_gyration_m, k, k_radius_of_gyration_m,"
                + " uncorrelated_entropy, locations, modal_split::text, dominant_mode, nights, home_nights, traits,"
                + " features::text FROM spatial_personas WHERE user_id LIKE '" + user + "' ORDER BY user_id"));
        return rows;
    }

    @Test
    void incrementalRunsEqualAFullRecomputeAndALateDayChangesOnlyItsUser() throws Exception {
        RunFixture fixture = new RunFixture("revisit_persona");
        for (int day = 0; day < 3; day++) {
            fixture.insert("ada", ChainRunTest.day(MONDAY.plusSeconds(day * DAY), 47.37, 8.54, 10 + day).fixes());
            fixture.insert("bob", ChainRunTest.day(MONDAY.plusSeconds(day * DAY + 1800), 46.95, 7.44, 20 + day)
                    .fixes());
            runAll(fixture, TaskMode.INCREMENTAL);
        }
        List<List<Object>> incremental = results(fixture, "%");
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(incremental);

        // ada starts every day at home at 06:00 local: three visits a day apart, three nights (their 06:00-07:00)
        List<List<Object>> home = fixture.rows("SELECT visits, days, median_return_h FROM revisit_patterns"
                + " WHERE user_id = 'ada' AND location_id = 0");
        assertThat(home.get(0).subList(0, 2)).containsExactly(3, 3);
        assertThat((Double) home.get(0).get(2)).isCloseTo(24.0, within(0.05));
        assertThat(fixture.count("SELECT count(*) FROM location_growth WHERE user_id = 'ada'"))
                .isEqualTo(fixture.count("SELECT count(*) FROM stays WHERE user_id = 'ada'"));
        assertThat(fixture.count("SELECT max(distinct_locations) FROM location_growth WHERE user_id = 'ada'"))
                .isEqualTo(fixture.count("SELECT count(*) FROM locations WHERE user_id = 'ada'"));
        // the same places every day: S(t) flattens after the first day, mu well below 1
        List<Object> fit = fixture.rows("SELECT DISTINCT mu, mu_r2 FROM location_growth_fits WHERE user_id = 'ada'")
                .get(0);
        assertThat((Double) fit.get(0)).isBetween(0.0, 0.5);
        assertThat((Double) fit.get(1)).isBetween(0.0, 1.0);
        List<Object> ada = fixture.rows("SELECT label, nights, home_nights, modal_split::text, features::text"
                + " FROM spatial_personas WHERE user_id = 'ada'").get(0);
        assertThat(ada.get(0)).isIn("returner", "explorer");
        assertThat(ada.subList(1, 3)).containsExactly(3, 3);
        ObjectMapper json = new ObjectMapper();
        JsonNode split = json.readTree((String) ada.get(3));
        double shares = 0;
        for (JsonNode share : split) {
            shares += share.asDouble();
        }
        assertThat(shares).isCloseTo(1.0, within(1e-9));
        JsonNode returner = json.readTree((String) ada.get(4)).get("returner");
        assertThat(returner.get("fired").asBoolean()).isEqualTo(ada.get(0).equals("returner"));
        assertThat(returner.get("returner_ratio").asDouble()).isEqualTo(0.5);

        // A late day for bob, before his first, somewhere else: bob's results change, ada's do not.
        List<List<Object>> adaBefore = results(fixture, "ada");
        List<List<Object>> bobBefore = results(fixture, "bob");
        fixture.insert("bob", ChainRunTest.day(MONDAY.minusSeconds(DAY - 1800), 46.2, 6.14, 30).fixes());
        runAll(fixture, TaskMode.INCREMENTAL);
        assertThat(results(fixture, "ada")).isEqualTo(adaBefore);
        assertThat(results(fixture, "bob")).isNotEqualTo(bobBefore);
        List<List<Object>> afterLate = results(fixture, "%");
        runAll(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(results(fixture, "%")).isEqualTo(afterLate);
    }
}
