package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.osm.OsmRows;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.completion.GappedTrack;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.io.IOException;
import java.nio.file.Files;
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
 * trajectory_completion on a real PostgreSQL after outlier_detection and transport_mode: synthetic fixes in their own
 * table and never in track_points, stays identical with and without completion, late points that change only their
 * user's gaps, incremental runs equal to a full recompute, rail routes on an OSM load and a new load recomputing them.
 */
class TrajectoryCompletionRunTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T05:00:00Z");
    private static final String GAPS = "SELECT * FROM completed_gaps ORDER BY user_id, started_at";
    private static final String FIXES = "SELECT * FROM synthetic_fixes ORDER BY user_id, gap_started_at, seq";
    private static final String STAYS = "SELECT * FROM stays ORDER BY user_id, started_at";

    private static void runChain(RunFixture fixture, TaskMode mode) throws SQLException {
        fixture.run(Skill.OUTLIER_DETECTION, mode, Map.of());
        fixture.run(Skill.TRANSPORT_MODE, mode, Map.of());
        fixture.run(Skill.TRAJECTORY_COMPLETION, mode, Map.of());
        fixture.run(Skill.STAY_DETECTION, mode, Map.of());
    }

    @Test
    void syntheticFixesStayOutOfTrackPointsAndStaysAndIncrementalEqualsFullRecompute() throws Exception {
        RunFixture completed = new RunFixture("completion_run");
        RunFixture plain = new RunFixture("completion_plain");
        for (RunFixture fixture : List.of(completed, plain)) {
            fixture.insert("ada", GappedTrack.days(MONDAY, 47.5, 8.5, 2, 1));
            fixture.insert("bob", GappedTrack.days(MONDAY.plusSeconds(1800), 47.3, 9.0, 1, 2));
        }
        runChain(completed, TaskMode.INCREMENTAL);
        completed.insert("ada", GappedTrack.days(MONDAY.plusSeconds(3 * 86_400), 47.6, 8.6, 1, 3));
        plain.insert("ada", GappedTrack.days(MONDAY.plusSeconds(3 * 86_400), 47.6, 8.6, 1, 3));
        runChain(completed, TaskMode.INCREMENTAL);
        plain.run(Skill.OUTLIER_DETECTION, TaskMode.INCREMENTAL, Map.of());
        plain.run(Skill.STAY_DETECTION, TaskMode.INCREMENTAL, Map.of());

        // Three gaps a generated day (ada three days, bob one), all filled with straight lines (no OSM load).
        assertThat(completed.rows("SELECT user_id, count(*) FROM completed_gaps GROUP BY user_id ORDER BY user_id"))
                .containsExactly(List.of("ada", 9L), List.of("bob", 3L));
        assertThat(completed.rows("SELECT DISTINCT method FROM completed_gaps")).containsExactly(List.of("linear"));
        assertThat(completed.count("SELECT count(*) FROM completed_gaps WHERE mode_before IS NULL")).isZero();
        assertThat(completed.count("SELECT sum(n_synthetic) FROM completed_gaps"))
                .isEqualTo(completed.count("SELECT count(*) FROM synthetic_fixes")).isGreaterThan(100);
        // Nothing was added to track_points, and stay detection found exactly what it finds without completion.
        assertThat(completed.count("SELECT count(*) FROM track_points"))
                .isEqualTo(plain.count("SELECT count(*) FROM track_points"));
        assertThat(completed.count("SELECT count(*) FROM track_points WHERE is_synthetic")).isZero();
        assertThat(completed.rows(STAYS)).isNotEmpty().isEqualTo(plain.rows(STAYS));
        // Each synthetic fix lies inside its gap.
        assertThat(completed.count("SELECT count(*) FROM synthetic_fixes s JOIN completed_gaps g ON g.user_id"
                + " = s.user_id AND g.started_at = s.gap_started_at WHERE s.recorded_at >= g.finished_at")).isZero();

        // A late fix of Bob's in the middle of his second gap (175 s on his way east at 60 km/h) splits it in two
        // gaps of more than a minute: only Bob's gaps change.
        List<List<Object>> adaBefore = completed.rows("SELECT * FROM synthetic_fixes WHERE user_id = 'ada'"
                + " ORDER BY gap_started_at, seq");
        List<Object> eastGap = completed.rows("SELECT g.started_at, p.lat, p.lon FROM completed_gaps g JOIN"
                + " track_points p ON p.id = g.first_point_id WHERE g.user_id = 'bob' ORDER BY g.started_at"
                + " OFFSET 1 LIMIT 1").get(0);
        double[] late = Geodesy.destination((Double) eastGap.get(1), (Double) eastGap.get(2), 90, 1_500);
        completed.insert("bob", new Fixes().add(0, ((Instant) eastGap.get(0)).plusSeconds(90).toEpochMilli(),
                late[0], late[1], Double.NaN, Double.NaN));
        runChain(completed, TaskMode.INCREMENTAL);
        assertThat(completed.rows("SELECT * FROM synthetic_fixes WHERE user_id = 'ada' ORDER BY gap_started_at,"
                + " seq")).isEqualTo(adaBefore);
        assertThat(completed.count("SELECT count(*) FROM completed_gaps WHERE user_id = 'bob'")).isEqualTo(4);

        List<List<Object>> gaps = completed.rows(GAPS);
        List<List<Object>> fixes = completed.rows(FIXES);
        runChain(completed, TaskMode.FULL_RECOMPUTE);
        assertThat(completed.rows(GAPS)).isEqualTo(gaps);
        assertThat(completed.rows(FIXES)).isEqualTo(fixes);
    }

    /** A rail line: 20 km north from (47.0, 8.0) to a corner, then 20 km east; a node every 0.002°. */
    private static long loadRailLine(Connection db, Path file, boolean withRail) throws SQLException, IOException {
        Files.writeString(file, withRail ? "an L-shaped rail line" : "a street only");
        return ReferenceLoads.load(db, ReferenceKind.OSM, file, Map.of(), "generated", (connection, id) -> {
            try (OsmRows rows = new OsmRows(connection, id)) {
                if (withRail) {
                    rows.way(arm(1, 1000, 47.0, 8.0, 0.002, 0));
                    rows.way(arm(2, 1090, 47.18, 8.0, 0, 0.002));
                }
                rows.way(new OsmWay(3, Network.ROAD, "primary", "", 0, Double.NaN, "", new long[] {1, 2},
                        new double[] {47.0, 47.18}, new double[] {8.0, 8.27}));
                return rows.rows();
            }
        }).load().id();
    }

    /** 91 nodes from (lat, lon) in steps of (dLat, dLon), ids from firstNode on. */
    private static OsmWay arm(long wayId, long firstNode, double lat, double lon, double dLat, double dLon) {
        long[] ids = new long[91];
        double[] lats = new double[91];
        double[] lons = new double[91];
        for (int i = 0; i < 91; i++) {
            ids[i] = firstNode + i;
            lats[i] = lat + dLat * i;
            lons[i] = lon + dLon * i;
        }
        return new OsmWay(wayId, Network.RAIL, "rail", "", 0, Double.NaN, "", ids, lats, lons);
    }

    @Test
    void aTrainGapFollowsTheRailOfTheOsmLoadAndANewLoadRecomputesIt(@TempDir Path directory) throws Exception {
        RunFixture fixture = new RunFixture("completion_rail");
        long railLoad;
        try (Connection db = fixture.dataSource.getConnection()) {
            railLoad = loadRailLine(db, directory.resolve("rail.osm.pbf"), true);
        }
        // A train at 120 km/h along the line: 20 km north, 20 km east; no fixes from 12 km north to 8 km east.
        SyntheticTrack train = SyntheticTrack.startingAt(MONDAY, 47.0, 8.0, 5).sampleEvery(Duration.ofSeconds(5))
                .stay(Duration.ofMinutes(10), 5).move(0, 12_000, 120).gap(Duration.ofMinutes(8));
        Fixes before = train.fixes().slice(0, train.fixes().size());
        Fixes after = SyntheticTrack.startingAt(Instant.ofEpochMilli(train.nowMillis()), 47.18,
                        8.0 + 8_000 / (111_194.93 * Math.cos(Math.toRadians(47.18))), 6)
                .sampleEvery(Duration.ofSeconds(5)).move(90, 12_000, 120).stay(Duration.ofMinutes(10), 5).fixes();
        fixture.insert("ada", before);
        fixture.insert("ada", after);
        runChain(fixture, TaskMode.INCREMENTAL);

        List<List<Object>> gap = fixture.rows("SELECT mode_before, mode_after, wanted_method, method,"
                + " reference_load_id, path_length_m FROM completed_gaps WHERE user_id = 'ada'");
        assertThat(gap).hasSize(1);
        assertThat(gap.get(0).subList(0, 5)).containsExactly("rail", "rail", "rail", "rail", railLoad);
        // The last fix before the gap is at 11,833 m (fixes every 5 s at 120 km/h): 8,182 m to the corner and 8 km on
        // along the rail, plus at most a node spacing (222 m) at either end to reach the nearest node; not the
        // 11.5 km diagonal.
        assertThat((Double) gap.get(0).get(5)).isBetween(16_182.0, 16_182.0 + 2 * 222.4);
        assertThat(fixture.count("SELECT count(*) FROM synthetic_fixes WHERE abs(lon - 8.0) > 1e-9"
                + " AND abs(lat - 47.18) > 1e-9")).as("synthetic fixes off the L").isLessThanOrEqualTo(2);

        // A new osm load without the rail: the next incremental run recomputes the gap as a straight line.
        try (Connection db = fixture.dataSource.getConnection()) {
            loadRailLine(db, directory.resolve("streets.osm.pbf"), false);
        }
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT wanted_method, method, reference_load_id FROM completed_gaps"))
                .containsExactly(Arrays.asList("rail", "linear", null));
        assertThat(fixture.count("SELECT count(*) FROM stale_results")).isZero();
        List<List<Object>> incremental = fixture.rows(FIXES);
        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(FIXES)).isEqualTo(incremental);
    }
}
