package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.geocoding.AdminSquares;
import dev.tracks.analysis.worker.track.Fixes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * admin_crossings and admin_view on a real PostgreSQL after outlier_detection and geocoding, over the generated
 * squares (XC-W and XC-E sharing lon 8.6 inside the country XC, lat 47..48, sea around) and straight tracks at
 * constant speed whose crossings are known: where a segment between two fixes meets a square's edge and when, by
 * the fraction of the way. Incremental runs as the data arrives equal a full recompute; a late point changes only its
 * user's rows.
 */
class AdminSkillsRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T08:00:00Z");
    private static final String CROSSINGS = "SELECT * FROM admin_crossings ORDER BY user_id, level,"
            + " before_point_id";
    private static final String SUMMARIES = "SELECT * FROM admin_summaries ORDER BY user_id, level, first_fix_at";
    /** 0.0007 degrees of longitude at lat 47.5 every 10 s: about 19 km/h. */
    private static final double STEP = 0.0007;

    private static void runChain(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.run(Skill.OUTLIER_DETECTION, mode, Map.of());
        fixture.run(Skill.GEOCODING, mode, Map.of());
        fixture.run(Skill.ADMIN_CROSSINGS, mode, Map.of());
        fixture.run(Skill.ADMIN_VIEW, mode, Map.of());
    }

    /** {@code count} fixes every 10 s from {@code start}, from (lat, lon) by (dLat, dLon) a fix. */
    private static Fixes line(Instant start, int count, double lat, double lon, double dLat, double dLon) {
        Fixes fixes = new Fixes();
        for (int k = 0; k < count; k++) {
            fixes.add(0, start.plusSeconds(10L * k).toEpochMilli(), lat + dLat * k, lon + dLon * k, Double.NaN,
                    Double.NaN);
        }
        return fixes;
    }

    /** The time the segment between fixes {@code k} and {@code k + 1} of a user reaches the fraction {@code f}. */
    private static Instant at(Fixes fixes, int k, double f) {
        return Instant.ofEpochMilli(fixes.time(k) + Math.round(f * (fixes.time(k + 1) - fixes.time(k))));
    }

    /** The index of the last fix before the first one on the other side of {@code lon} from fix {@code from}. */
    private static int lastBefore(Fixes fixes, int from, double lon) {
        boolean west = fixes.lon(from) < lon;
        int k = from;
        while ((fixes.lon(k + 1) < lon) == west) {
            k++;
        }
        return k;
    }

    /** A row with nulls, as {@link RunFixture#rows} gives it. */
    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void crossingsAndSummariesHaveTheKnownAnswerAndIncrementalEqualsFullRecompute(@TempDir Path directory)
            throws Exception {
        RunFixture fixture = new RunFixture("admin_skills_run");
        long loadId;
        try (Connection db = fixture.dataSource.getConnection()) {
            loadId = AdminSquares.load(db, directory);
        }
        // Ada drives east from lon 8.5 to 8.7 (across the border at 8.6), later back west: two batches.
        Fixes adaEast = line(MONDAY, 286, 47.5, 8.5, 0, STEP);
        Fixes adaWest = line(MONDAY.plusSeconds(2860), 286, 47.5, 8.5 + 286 * STEP, 0, -STEP);
        // Cyd goes east out to sea across the country's east edge (lon 9.5) and back: two crossings per level.
        Fixes cyd = line(MONDAY, 143, 47.5, 9.45, 0, STEP);
        Fixes cydBack = line(MONDAY.plusSeconds(1430), 143, 47.5, 9.45 + 143 * STEP, 0, -STEP);
        // Eve stands 15 m west of the border while her fixes flicker across it: border jitter, no crossing.
        Fixes eve = line(MONDAY, 60, 47.5, 8.5998, 0, 0);
        for (double lon : new double[] {8.6002, 8.5997, 8.6003}) {
            eve.add(0, eve.time(eve.size() - 1) + 10_000, 47.5, lon, Double.NaN, Double.NaN);
        }
        Fixes eveAfter = line(Instant.ofEpochMilli(eve.time(eve.size() - 1) + 10_000), 60, 47.5, 8.5998, 0, 0);
        // Fay stands west of the border, stops recording for two hours, and reappears east of it.
        Fixes fayWest = line(MONDAY, 60, 47.5, 8.59, 0, 0);
        Fixes fayEast = line(MONDAY.plusSeconds(600 + 7200), 60, 47.5, 8.61, 0, 0);
        // Gus goes north-east through the corner of XC-E: west, 10 s in the east (fix 125), then out to sea (lat 48).
        Fixes gus = line(MONDAY, 160, 47.94995, 8.5501, 0.0004, 0.0004);

        fixture.insert("ada", adaEast);
        fixture.insert("cyd", cyd);
        fixture.insert("eve", eve);
        fixture.insert("fay", fayWest);
        fixture.insert("gus", gus);
        runChain(fixture, TaskMode.INCREMENTAL);
        fixture.insert("ada", adaWest);
        fixture.insert("cyd", cydBack);
        fixture.insert("eve", eveAfter);
        fixture.insert("fay", fayEast);
        runChain(fixture, TaskMode.INCREMENTAL);

        assertThat(fixture.count("SELECT count(*) FROM point_flags")).as("no fix flagged").isZero();
        Fixes ada = fixture.fixesOf("ada");
        int east = lastBefore(ada, 0, 8.6);
        int west = lastBefore(ada, east + 1, 8.6);
        double toEast = (8.6 - ada.lon(east)) / (ada.lon(east + 1) - ada.lon(east));
        double toWest = (ada.lon(west) - 8.6) / (ada.lon(west) - ada.lon(west + 1));
        assertThat(fixture.rows("SELECT level, from_code, from_name, to_code, to_name, crossed_at, lat, on_boundary,"
                + " in_gap, gap_started_at, before_point_id, after_point_id, reference_load_id FROM admin_crossings"
                + " WHERE user_id = 'ada' ORDER BY crossed_at")).containsExactly(
                row(1, "XC-W", "West", "XC-E", "East", at(ada, east, toEast), 47.5, true, false, null,
                        ada.id(east), ada.id(east + 1), loadId),
                row(1, "XC-E", "East", "XC-W", "West", at(ada, west, toWest), 47.5, true, false, null,
                        ada.id(west), ada.id(west + 1), loadId));
        assertThat(fixture.rows("SELECT lon FROM admin_crossings WHERE user_id = 'ada'")).allSatisfy(
                row -> assertThat((Double) row.get(0)).isCloseTo(8.6, within(1e-9)));

        // Cyd: out to sea and back at lon 9.5, at both levels (from the country and from the region).
        Fixes cydAll = fixture.fixesOf("cyd");
        int out = lastBefore(cydAll, 0, 9.5);
        int back = lastBefore(cydAll, out + 1, 9.5);
        Instant outAt = at(cydAll, out, (9.5 - cydAll.lon(out)) / (cydAll.lon(out + 1) - cydAll.lon(out)));
        Instant backAt = at(cydAll, back, (cydAll.lon(back) - 9.5) / (cydAll.lon(back) - cydAll.lon(back + 1)));
        assertThat(fixture.rows("SELECT level, from_code, to_code, crossed_at FROM admin_crossings"
                + " WHERE user_id = 'cyd' ORDER BY level, crossed_at")).containsExactly(
                row(0, "XC", null, outAt), row(0, null, "XC", backAt),
                row(1, "XC-E", null, outAt), row(1, null, "XC-E", backAt));

        assertThat(fixture.count("SELECT count(*) FROM admin_crossings WHERE user_id = 'eve'")).as("jitter")
                .isZero();
        assertThat(fixture.count("SELECT count(*) FROM admin_visits WHERE user_id = 'eve' AND code = 'XC-E'"))
                .as("geocoding saw the flicker").isEqualTo(2);

        // Fay: the change in the gap has no time or place, only the gap's bounds.
        assertThat(fixture.rows("SELECT level, from_code, to_code, crossed_at, lat, on_boundary, in_gap,"
                + " gap_started_at, gap_ended_at FROM admin_crossings WHERE user_id = 'fay'")).containsExactly(
                row(1, "XC-W", "XC-E", null, null, null, true, MONDAY.plusSeconds(590),
                        MONDAY.plusSeconds(7800)));

        // Gus: at level 1, west to no area where he left the west (10 s in the east are jitter); at level 0, from
        // the country to no area where the segment after the east fix meets lat 48.
        Fixes gusAll = fixture.fixesOf("gus");
        List<List<Object>> gusRows = fixture.rows("SELECT level, from_code, to_code, crossed_at, lat, lon,"
                + " before_point_id FROM admin_crossings WHERE user_id = 'gus' ORDER BY level");
        assertThat(gusRows).extracting(row -> row.subList(0, 4)).containsExactly(
                row(0, "XC", null, at(gusAll, 125, (48 - gusAll.lat(125)) / 0.0004)),
                row(1, "XC-W", null, at(gusAll, 124, (8.6 - gusAll.lon(124)) / 0.0004)));
        assertThat((Double) gusRows.get(0).get(4)).isCloseTo(48, within(1e-9));
        assertThat((Double) gusRows.get(1).get(5)).isCloseTo(8.6, within(1e-9));
        assertThat(gusRows).extracting(row -> row.get(6)).containsExactly(gusAll.id(125), gusAll.id(124));

        // admin_view: Ada's time in each region, all of it moving; one entry each, twice into the west.
        double step = Geodesy.distanceMeters(47.5, 8.5, 47.5, 8.5 + STEP);
        List<List<Object>> adaView = fixture.rows("SELECT level, code, dwell_seconds, moving_seconds,"
                + " distance_meters, local_days, entries, runs, n_points FROM admin_summaries WHERE user_id = 'ada'"
                + " ORDER BY level, first_fix_at");
        long westSeconds = (ada.time(east + 1) - ada.time(0) + ada.time(ada.size() - 1) - ada.time(west + 1)) / 1000;
        long eastSeconds = (ada.time(west + 1) - ada.time(east + 1)) / 1000;
        assertThat(adaView).extracting(row -> row.subList(0, 4)).containsExactly(
                List.of(0, "XC", 5710.0, 5710.0), List.of(1, "XC-W", (double) westSeconds, (double) westSeconds),
                List.of(1, "XC-E", (double) eastSeconds, (double) eastSeconds));
        assertThat((Double) adaView.get(0).get(4)).isCloseTo(571 * step, within(0.5));
        assertThat(adaView).extracting(row -> row.subList(5, 9)).containsExactly(List.of(1, 1, 1, 572),
                List.of(1, 2, 2, east + 1 + ada.size() - west - 1), List.of(1, 1, 1, west - east));
        // Eve: standing still but for the flicker's four steps of 30-45 m in 10 s, moving by the speed rule (two from
        // each side); the east only as jitter: runs but no entry.
        assertThat(fixture.rows("SELECT code, moving_seconds, entries, runs FROM admin_summaries WHERE user_id = 'eve'"
                + " AND level = 1 ORDER BY code")).containsExactly(List.of("XC-E", 20.0, 0, 2),
                List.of("XC-W", 20.0, 1, 3));
        assertThat(fixture.rows("SELECT code, entries FROM admin_summaries WHERE user_id = 'fay' AND level = 0"))
                .containsExactly(List.of("XC", 1));
        assertThat(fixture.rows("SELECT level, code, entries FROM admin_summaries WHERE user_id = 'gus'"
                + " ORDER BY level, first_fix_at")).containsExactly(row(0, "XC", 1), row(0, null, 1),
                row(1, "XC-W", 1), row(1, "XC-E", 0), row(1, null, 1));

        // A late fix of Eve's (in the flicker, on the east side): only Eve's rows change.
        List<List<Object>> othersBefore = fixture.rows("SELECT * FROM admin_summaries WHERE user_id <> 'eve'"
                + " ORDER BY user_id, level, first_fix_at");
        fixture.insert("eve", new Fixes().add(0, eve.time(61) + 5000, 47.5, 8.6002, Double.NaN, Double.NaN));
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT * FROM admin_summaries WHERE user_id <> 'eve'"
                + " ORDER BY user_id, level, first_fix_at")).isEqualTo(othersBefore);
        assertThat(fixture.count("SELECT sum(n_points) FROM admin_summaries WHERE user_id = 'eve' AND level = 0"))
                .isEqualTo(124);

        List<List<Object>> crossings = fixture.rows(CROSSINGS);
        List<List<Object>> summaries = fixture.rows(SUMMARIES);
        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(CROSSINGS)).isEqualTo(crossings);
        assertThat(fixture.rows(SUMMARIES)).isEqualTo(summaries);
    }

    /** Runs made with a load that was pruned since: admin_crossings cannot place their crossings and says why. */
    @Test
    void runsOfAPrunedLoadFailTheTaskNotRetryably(@TempDir Path directory) throws Exception {
        RunFixture fixture = new RunFixture("admin_skills_pruned");
        long first;
        try (Connection db = fixture.dataSource.getConnection()) {
            first = AdminSquares.load(db, directory);
        }
        fixture.insert("ada", line(MONDAY, 286, 47.5, 8.5, 0, STEP));
        fixture.run(Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of());
        fixture.run(Skill.GEOCODING, TaskMode.INCREMENTAL, Map.of());
        try (Connection db = fixture.dataSource.getConnection()) {
            AdminAreaLoad.load(db, directory.resolve("squares.geojson"), new AdminOptions("name", "name",
                    List.of("country"), 1, "level"), "squares coded by name");
            ReferenceLoads.prune(db, Duration.ZERO);
        }
        assertThatThrownBy(() -> fixture.run(Skill.ADMIN_CROSSINGS, TaskMode.FULL_RECOMPUTE, Map.of()))
                .isInstanceOfSatisfying(WorkerFailure.class, failure -> assertThat(failure.exitCode())
                        .isEqualTo(WorkerFailure.notRetryable("x").exitCode()))
                .hasMessageContaining("admin load " + first + ", which is gone (pruned): run geocoding again");
        assertThat(fixture.count("SELECT count(*) FROM admin_crossings")).isZero();

        // geocoding on the active load, then admin_crossings: the crossing on the new load's codes.
        fixture.run(Skill.GEOCODING, TaskMode.INCREMENTAL, Map.of());
        fixture.run(Skill.ADMIN_CROSSINGS, TaskMode.INCREMENTAL, Map.of());
        assertThat(fixture.rows("SELECT from_code, to_code FROM admin_crossings")).containsExactly(
                List.of("West", "East"));
    }
}
