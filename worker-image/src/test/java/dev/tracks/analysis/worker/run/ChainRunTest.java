package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default chain of the real skills on a real PostgreSQL, over generated days with known stays and legs: the
 * results match the ground truth, and incremental runs as the data arrives give exactly what a full recompute gives.
 */
class ChainRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("point_flags", "point_id");
        TABLES.put("movement_segments", "user_id, started_at");
        TABLES.put("stays", "stay_id");
        TABLES.put("triplegs", "tripleg_id");
        TABLES.put("trips", "trip_id");
        TABLES.put("grid_cell_visits", "user_id, started_at");
        TABLES.put("footprints", "user_id");
        TABLES.put("locations", "user_id, location_id");
        TABLES.put("rendering_geometries", "trip_id, zoom");
    }

    /** A commuter's day: home, walk to the station, train, walk to work, work, and back by car. */
    static SyntheticTrack day(Instant start, double homeLat, double homeLon, long seed) {
        return SyntheticTrack.startingAt(start, homeLat, homeLon, seed)
                .sampleEvery(Duration.ofSeconds(5))
                .stay(Duration.ofMinutes(60), 8)
                .move(90, 800, 5)
                .stay(Duration.ofMinutes(8), 8)
                .move(90, 12_000, 110)
                .stay(Duration.ofMinutes(6), 8)
                .move(0, 600, 5)
                .stay(Duration.ofHours(8), 8)
                .move(270, 13_000, 50)
                .stay(Duration.ofMinutes(90), 8);
    }

    private static void runChain(RunFixture fixture, TaskMode mode) throws SQLException {
        for (Skill skill : SkillCatalog.DEFAULT_CHAIN) {
            fixture.run(skill, mode, Map.of());
        }
    }

    static Map<String, List<List<Object>>> results(RunFixture fixture) throws SQLException {
        Map<String, List<List<Object>>> all = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            all.put(table.getKey(), fixture.rows("SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue()));
        }
        return all;
    }

    @Test
    void theChainFindsTheGeneratedDayAndIncrementalRunsEqualAFullRecompute() throws SQLException {
        RunFixture fixture = new RunFixture("chain_run");
        SyntheticTrack ada = day(MONDAY, 47.37, 8.54, 1);
        SyntheticTrack bob = day(MONDAY.plusSeconds(1800), 46.95, 7.44, 2);
        fixture.insert("ada", ada.fixes());
        fixture.insert("bob", bob.fixes());
        runChain(fixture, TaskMode.INCREMENTAL);

        // Stays: the generated ones, at their place and time. The sliding window may anchor a stay on the last fixes
        // of the approach that lie within 100 m of it: up to 72 s early when walking in at 5 km/h.
        List<List<Object>> stays = fixture.rows("SELECT started_at, lat, lon FROM stays WHERE user_id = 'ada'"
                + " ORDER BY started_at");
        List<SyntheticTrack.Stay> truth = ada.stays();
        assertThat(stays).hasSize(truth.size() - 1); // the last stay is still open at the end of the data
        for (int i = 0; i < stays.size(); i++) {
            Instant started = (Instant) stays.get(i).get(0);
            assertThat(Duration.between(Instant.ofEpochMilli(truth.get(i).startMillis()), started).abs())
                    .isLessThanOrEqualTo(Duration.ofSeconds(75));
            assertThat((double) stays.get(i).get(1)).isCloseTo(truth.get(i).lat(), within(2e-4));
        }
        // Trips between activities (stays longer than 15 minutes): home -> work (with the short stops inside).
        assertThat(fixture.count("SELECT count(*) FROM trips WHERE user_id = 'ada' AND origin_stay_id IS NOT NULL"
                + " AND destination_stay_id IS NOT NULL")).isEqualTo(1);
        assertThat(fixture.rows("SELECT mode FROM triplegs WHERE user_id = 'ada' ORDER BY started_at"))
                .extracting(row -> row.get(0)).startsWith("walk", "rail", "walk", "road_vehicle");
        assertThat(fixture.count("SELECT count(*) FROM point_flags")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM footprints")).isEqualTo(2);
        assertThat(fixture.count("SELECT count(*) FROM locations WHERE user_id = 'ada'")).isEqualTo(4);

        // The next day arrives, a run follows; then the whole history is recomputed: nothing may differ.
        fixture.insert("ada", day(ada.nowMillis() == 0 ? MONDAY : Instant.ofEpochMilli(ada.nowMillis())
                .plusSeconds(8 * 3600), ada.lat(), ada.lon(), 3).fixes());
        fixture.insert("bob", day(MONDAY.plusSeconds(86_400), 46.95, 7.44, 4).fixes());
        runChain(fixture, TaskMode.INCREMENTAL);
        Map<String, List<List<Object>>> incremental = results(fixture);

        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        Map<String, List<List<Object>>> recomputed = results(fixture);
        for (String table : TABLES.keySet()) {
            assertThat(recomputed.get(table)).as(table).isEqualTo(incremental.get(table));
        }
        assertThat(incremental.get("trips")).hasSizeGreaterThanOrEqualTo(3);
    }

}
