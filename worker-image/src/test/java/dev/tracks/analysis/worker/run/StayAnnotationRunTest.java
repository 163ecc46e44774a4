package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceLoad;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.geocoding.AdminSquares;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stay_annotation on a real PostgreSQL after stay_stats and geocoding, over a generated week in the admin squares
 * ({@link AdminSquares}): Ada sleeps at A (west square), works at B (east square) on weekdays and sees C (west, 8 km
 * north of A) now and then; Bob stays at one place for six days, then walks off to a stay that is still open at
 * the end of the data; Cem only drives. The week arrives a day at a time and
 * each day's incremental run is followed, at the end, by a full recompute that must equal it. Places are optional:
 * without a load the place columns stay empty; a five-row gazetteer loaded afterwards (a town 160 m from A, one 2 km
 * from B, none within 5 km of C) makes the results stale, and the next run names A and B; so does a second load
 * that replaces it.
 */
class StayAnnotationRunTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    private static final double A_LAT = 47.5;
    private static final double A_LON = 8.5;
    /** B: 37.6 km east of A, across the border of the squares; C: 8 km north of A. */
    private static final double[] B = Geodesy.destination(A_LAT, A_LON, 90, 37_600);
    private static final double[] C = Geodesy.destination(A_LAT, A_LON, 0, 8_000);
    private static final Map<String, Object> PARAMS = Map.of("preFilter", false);
    private static final String ANNOTATIONS = "SELECT * FROM stay_annotations ORDER BY user_id, location_id";
    private static final String GAZETTEER = """
            lat,lon,name,admin1,admin2,cc
            -18.14161,178.44149,Suva,Central,Rewa,FJ
            47.50100,8.50150,Aville,West,Adistrict,XC
            -13.83333,-171.76666,Apia,Tuamasaga,,WS
            47.52000,9.00000,Beetown,East,,XC
            64.5011,-165.4064,Nome,Alaska,Nome Census Area,US
            """;

    private static void runChain(RunFixture fixture, TaskMode mode) throws SQLException {
        for (Skill skill : List.of(Skill.OUTLIER_DETECTION, Skill.STAY_DETECTION, Skill.STAY_STATS, Skill.GEOCODING)) {
            fixture.run(skill, mode, Map.of());
        }
        fixture.run(Skill.STAY_ANNOTATION, mode, PARAMS);
    }

    private static long midnight(int day) {
        return MONDAY.plusDays(day).atStartOfDay(ZURICH).toInstant().toEpochMilli();
    }

    /** Stays at the current place until the local time {@code hour} of day {@code day}. */
    private static void stayUntil(SyntheticTrack track, int day, double hour) {
        long until = midnight(day) + (long) (hour * 3_600_000);
        track.stay(Duration.ofMillis(until - track.nowMillis()), 8);
    }

    /** Moves from where the track is to (lat, lon) on the great circle. */
    private static void travel(SyntheticTrack track, double lat, double lon, double speedKmh) {
        track.move(Geodesy.bearingDegrees(track.lat(), track.lon(), lat, lon),
                Geodesy.distanceMeters(track.lat(), track.lon(), lat, lon), speedKmh);
    }

    /** Ada's week at one fix a minute: nights at A, weekday office hours at B, C on Tuesday, Thursday, Saturday. */
    private static SyntheticTrack adasWeek() {
        SyntheticTrack track = SyntheticTrack.startingAt(Instant.ofEpochMilli(midnight(0)), A_LAT, A_LON, 1)
                .sampleEvery(Duration.ofMinutes(1));
        for (int day = 0; day < 7; day++) {
            boolean weekday = day < 5;
            stayUntil(track, day, weekday ? 7.5 : 10);
            if (weekday) {
                travel(track, B[0], B[1], 40);
                track.stay(Duration.ofHours(9), 8);
                travel(track, A_LAT, A_LON, 40);
            }
            if (day == 1 || day == 3 || day == 5) {
                track.stay(Duration.ofMinutes(30), 8);
                travel(track, C[0], C[1], 30);
                track.stay(Duration.ofMinutes(day == 5 ? 180 : 45), 8);
                travel(track, A_LAT, A_LON, 30);
            }
            stayUntil(track, day + 1, 0);
        }
        return track;
    }

    /** The fixes of {@code all} recorded on local day {@code day}. */
    private static Fixes onDay(Fixes all, int day) {
        Fixes fixes = new Fixes();
        for (int i = 0; i < all.size(); i++) {
            if (all.time(i) >= midnight(day) && all.time(i) < midnight(day + 1)) {
                fixes.add(all.id(i), all.time(i), all.lat(i), all.lon(i), Double.NaN, Double.NaN);
            }
        }
        return fixes;
    }

    @Test
    void aWeekArrivingDailyLabelsHomeWorkAndOtherNamesPlacesOnceLoadedAndEqualsAFullRecompute(
            @TempDir Path directory) throws Exception {
        RunFixture fixture = new RunFixture("stay_annotation_run", "INSERT INTO user_time_zones (user_id, zone)"
                + " VALUES ('ada', 'Europe/Zurich'), ('bob', 'Europe/Zurich'), ('cem', 'Europe/Zurich')");
        try (Connection db = fixture.dataSource.getConnection()) {
            AdminSquares.load(db, directory);
        }
        Fixes ada = adasWeek().fixes();
        Fixes bob = SyntheticTrack.startingAt(Instant.ofEpochMilli(midnight(0)), 47.3, 8.2, 2)
                .sampleEvery(Duration.ofMinutes(1)).stay(Duration.ofDays(6), 8).move(0, 2_000, 5)
                .stay(Duration.ofHours(2), 8).fixes();
        Fixes cem = SyntheticTrack.startingAt(Instant.ofEpochMilli(midnight(0) + 9 * 3_600_000L), 47.2, 8.1, 3)
                .sampleEvery(Duration.ofMinutes(1)).move(90, 40_000, 50).fixes();
        for (int day = 0; day < 7; day++) {
            fixture.insert("ada", onDay(ada, day));
            fixture.insert("bob", onDay(bob, day));
            fixture.insert("cem", onDay(cem, day));
            runChain(fixture, TaskMode.INCREMENTAL);
        }

        // Ada's locations are numbered by first visit: A, B, C.
        assertThat(fixture.rows("SELECT location_id, role, method, freq_role, osna_role, night_role, admin0_code,"
                + " admin1_code, admin2_code, admin_name, place_name, places_load_id FROM stay_annotations"
                + " WHERE user_id = 'ada' ORDER BY location_id")).containsExactly(
                Arrays.asList(0, "home", "FREQ", "home", "home", "home", "XC", "XC-W", null, "West", null, null),
                Arrays.asList(1, "work", "FREQ", "work", "work", "other", "XC", "XC-E", null, "East", null, null),
                Arrays.asList(2, "other", "FREQ", "other", "other", "other", "XC", "XC-W", null, "West", null,
                        null));
        // One row per location of stay_stats, with its centre and stays.
        assertThat(fixture.rows("SELECT user_id, location_id, lat, lon, stay_ids FROM locations"
                + " ORDER BY user_id, location_id")).isEqualTo(fixture.rows("SELECT user_id, location_id, lat, lon,"
                + " stay_ids FROM stay_annotations ORDER BY user_id, location_id"));
        // A's nights, 22:00-07:00 local: the week starts at midnight (7 h), then five whole nights (9 h each); the
        // stay from Saturday afternoon on is still open at the end of the data, so in no location yet.
        assertThat(fixture.count("SELECT round(night_seconds) FROM stay_annotations WHERE user_id = 'ada'"
                + " AND location_id = 0")).isEqualTo(52 * 3600L);
        // FREQ's confidences: home's margin over work, work's over C.
        List<List<Object>> scores = fixture.rows("SELECT dwell_seconds, confidence FROM stay_annotations"
                + " WHERE user_id = 'ada' ORDER BY location_id");
        double[] dwell = scores.stream().mapToDouble(row -> (Double) row.get(0)).toArray();
        assertThat((Double) scores.get(0).get(1)).isCloseTo((dwell[0] - dwell[1]) / dwell[0], within(1e-9));
        assertThat((Double) scores.get(1).get(1)).isCloseTo((dwell[1] - dwell[2]) / dwell[1], within(1e-9));
        assertThat(scores.get(2).get(1)).isNull();
        assertThat(fixture.rows("SELECT location_id, role, confidence, night_role FROM stay_annotations"
                + " WHERE user_id = 'bob'")).containsExactly(List.of(0, "home", 1.0, "home"));
        assertThat(fixture.count("SELECT count(*) FROM stay_annotations WHERE user_id = 'cem'")).isZero();

        long placesLoad;
        try (Connection db = fixture.dataSource.getConnection()) {
            Path file = Files.writeString(directory.resolve("towns.csv"), GAZETTEER);
            placesLoad = PlaceLoad.load(db, file, PlaceFields.REVERSE_GEOCODER_CSV, "generated").load().id();
        }
        fixture.run(Skill.STAY_ANNOTATION, TaskMode.INCREMENTAL, PARAMS);
        List<List<Object>> places = fixture.rows("SELECT location_id, lat, lon, place_name, place_country,"
                + " place_admin1, place_admin2, place_distance_m, places_load_id FROM stay_annotations"
                + " WHERE user_id = 'ada' ORDER BY location_id");
        assertThat(places.get(0).subList(3, 7)).containsExactly("Aville", "XC", "West", "Adistrict");
        assertThat((Double) places.get(0).get(7)).isEqualTo(Geodesy.distanceMeters((Double) places.get(0).get(1),
                (Double) places.get(0).get(2), 47.501, 8.5015)).isBetween(150.0, 170.0);
        assertThat(places.get(1).subList(3, 7)).containsExactly("Beetown", "XC", "East", "");
        assertThat((Double) places.get(1).get(7)).isBetween(2_000.0, 2_600.0);
        assertThat(places.get(2).subList(3, 8)).containsOnly((Object) null);
        assertThat(places).extracting(row -> row.get(8)).containsOnly(placesLoad);

        // A new places load replaces the first: the next run names A after it.
        long renamed;
        try (Connection db = fixture.dataSource.getConnection()) {
            Path file = Files.writeString(directory.resolve("renamed.csv"), GAZETTEER.replace("Aville", "Aburg"));
            renamed = PlaceLoad.load(db, file, PlaceFields.REVERSE_GEOCODER_CSV, "generated, renamed").load().id();
        }
        fixture.run(Skill.STAY_ANNOTATION, TaskMode.INCREMENTAL, PARAMS);
        assertThat(fixture.rows("SELECT place_name, places_load_id FROM stay_annotations WHERE user_id = 'ada'"
                + " AND location_id = 0")).containsExactly(List.of("Aburg", renamed));

        // A late fix of Bob's, a day back: only Bob's annotations are recomputed.
        List<List<Object>> adaBefore = fixture.rows("SELECT * FROM stay_annotations WHERE user_id = 'ada'");
        fixture.insert("bob", new Fixes().add(0, midnight(5) + 1_000, 47.3, 8.2, Double.NaN, Double.NaN));
        runChain(fixture, TaskMode.INCREMENTAL);
        assertThat(fixture.rows("SELECT * FROM stay_annotations WHERE user_id = 'ada'")).isEqualTo(adaBefore);
        assertThat(fixture.count("SELECT count(*) FROM stay_annotations WHERE user_id = 'bob'")).isEqualTo(1);

        List<List<Object>> incremental = fixture.rows(ANNOTATIONS);
        runChain(fixture, TaskMode.FULL_RECOMPUTE);
        assertThat(fixture.rows(ANNOTATIONS)).isEqualTo(incremental);
    }
}
