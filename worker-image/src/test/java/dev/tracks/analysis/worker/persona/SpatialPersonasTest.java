package dev.tracks.analysis.worker.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.footprint.Footprint;
import dev.tracks.analysis.worker.footprint.FootprintParams;
import dev.tracks.analysis.worker.footprint.FootprintStats;
import dev.tracks.analysis.worker.footprint.FootprintsTable.StoredFootprint;
import dev.tracks.analysis.worker.footprint.VisitedStay;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.location.LocationResult;
import dev.tracks.analysis.worker.location.StayLocation;
import dev.tracks.analysis.worker.location.StayStats;
import dev.tracks.analysis.worker.location.StayStatsParams;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.StoredStay;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * spatial_persona's rules on generated users whose label is known, through the same steps the runtime takes
 * (stay_stats' locations, footprint_stats' measures, nights at each location), in memory.
 */
class SpatialPersonasTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final PersonaParams DEFAULTS = SkillParams.defaults(PersonaParams.class);
    private static final double HOME_LAT = 47.37;
    private static final double HOME_LON = 8.54;

    /** The user's persona as the skill derives it from these stays and the triplegs' length per mode. */
    private static Persona profile(List<StoredStay> stays, Map<String, Double> lengthByMode) {
        LocationResult located = StayStats.analyze(stays, SkillParams.defaults(StayStatsParams.class));
        Map<Long, Integer> locationOf = new HashMap<>();
        for (StayLocation stay : located.stayLocations()) {
            locationOf.put(stay.stayId(), stay.locationId());
        }
        List<VisitedStay> visited = new ArrayList<>();
        for (StoredStay stay : stays) {
            visited.add(new VisitedStay(stay.id(), stay.startMillis(), stay.endMillis(), stay.lat(), stay.lon(),
                    locationOf.get(stay.id())));
        }
        Footprint footprint = FootprintStats.compute(visited, 0, SkillParams.defaults(FootprintParams.class));
        StoredFootprint stored = new StoredFootprint(footprint.stayCount(), footprint.locationCount(),
                footprint.radiusOfGyrationMeters(), 2, footprint.kRadiusOfGyrationMeters(),
                footprint.uncorrelatedEntropy());
        HomeNights nights = HomeNights.count(stays, locationOf, ZoneOffset.UTC, DEFAULTS.nightStartHour(),
                DEFAULTS.nightEndHour());
        return SpatialPersonas.profile(stored, lengthByMode, nights, DEFAULTS);
    }

    private static StoredStay stay(List<StoredStay> stays, double fromHour, double toHour, double[] position) {
        StoredStay stay = new StoredStay(stays.size() + 1, T0 + Math.round(fromHour * HOUR),
                T0 + Math.round(toHour * HOUR), position[0], position[1]);
        stays.add(stay);
        return stay;
    }

    private static double[] from(double[] origin, double bearing, double meters) {
        return Geodesy.destination(origin[0], origin[1], bearing, meters);
    }

    private static PersonaRule rule(Persona persona, String name) {
        return persona.rules().stream().filter(rule -> rule.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCommuterIsARegularReturnerWithADominantMode() {
        double[] home = {HOME_LAT, HOME_LON};
        double[] work = from(home, 90, 15_000);
        double[] shop = from(home, 200, 1_200);
        List<StoredStay> stays = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            double d = day * 24;
            stay(stays, d + 8, d + 17, work);
            if (day % 3 == 2) {
                stay(stays, d + 17.5, d + 18.5, shop);
            }
            stay(stays, d + 19, d + 24 + 7.5, home); // overnight
        }
        Map<String, Double> lengths = new LinkedHashMap<>(Map.of("rail", 280_000.0, "walk", 20_000.0));

        Persona persona = profile(stays, lengths);

        assertThat(persona.label()).isEqualTo(PersonaLabel.RETURNER);
        assertThat(persona.locations()).isEqualTo(3);
        // home and work hold 20 of 23 visits: the k = 2 radius is almost the whole radius of gyration
        assertThat(persona.kRadiusOfGyrationMeters() / persona.radiusOfGyrationMeters()).isGreaterThan(0.9);
        assertThat(persona.traits()).containsExactly("routine", "dominant_mode", "regular_home");
        assertThat(persona.modalSplit()).containsExactly(Map.entry("rail", 280.0 / 300), Map.entry("walk",
                20.0 / 300));
        assertThat(persona.dominantMode()).isEqualTo("rail");
        // work is location 0 (visited first), home 1: all ten nights
        assertThat(persona.nights()).isEqualTo(new HomeNights(1, 10, 10));
        assertThat(rule(persona, "returner").features()).containsEntry("returner_ratio", 0.5).containsEntry("k", 2);
        assertThat(rule(persona, "regular_home").features()).containsEntry("share", 1.0)
                .containsEntry("night", "22:00-07:00");
    }

    @Test
    void aTravellerAtANewPlaceEveryDayIsAnExplorer() {
        // 150 km on every day, bearing turning 20 degrees a day, sleeping where the day ends: ten places, one visit
        // each. Top-2 radius: half of 150 km; the radius of gyration of the arc is hundreds of kilometres.
        double[] at = {HOME_LAT, HOME_LON};
        List<StoredStay> stays = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            stay(stays, day * 24 + 18, day * 24 + 24 + 8, at);
            at = from(at, 60 + 20 * day, 150_000);
        }

        Persona persona = profile(stays, Map.of("road_vehicle", 1_350_000.0));

        assertThat(persona.label()).isEqualTo(PersonaLabel.EXPLORER);
        assertThat(persona.locations()).isEqualTo(10);
        assertThat(persona.kRadiusOfGyrationMeters()).isCloseTo(75_000, within(10.0));
        assertThat(persona.radiusOfGyrationMeters()).isGreaterThan(300_000);
        assertThat(persona.uncorrelatedEntropy()).isCloseTo(Math.log(10) / Math.log(2), within(1e-9));
        assertThat(persona.traits()).containsExactly("many_locations", "dominant_mode");
        // every place has one night: home is the first (ties: lower location id), one night of ten
        assertThat(persona.nights()).isEqualTo(new HomeNights(0, 10, 1));
        assertThat(rule(persona, "regular_home").fired()).isFalse();
    }

    @Test
    void aUserWithOneLocationIsStationary() {
        List<StoredStay> stays = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            stay(stays, day * 24 + 20, day * 24 + 24 + 9, new double[] {HOME_LAT, HOME_LON});
        }

        Persona persona = profile(stays, Map.of());

        assertThat(persona.label()).isEqualTo(PersonaLabel.STATIONARY);
        assertThat(persona.radiusOfGyrationMeters()).isZero();
        assertThat(persona.traits()).containsExactly("routine", "regular_home");
        assertThat(persona.modalSplit()).isEmpty();
        assertThat(persona.dominantMode()).isNull();
        assertThat(rule(persona, "stationary").features()).containsEntry("locations", 1)
                .containsEntry("min_locations", 2);
    }

    @Test
    void aUserWithoutTripsHasNoModalSplitAndWithoutStaysNoData() {
        // Two places, never a tripleg between them (the logger was off while moving): returner (both places are
        // the top two), no modal split, no dominant mode.
        List<StoredStay> stays = new ArrayList<>();
        stay(stays, 10, 12, new double[] {HOME_LAT, HOME_LON});
        stay(stays, 14, 15, from(new double[] {HOME_LAT, HOME_LON}, 0, 3_000));
        Persona noTrips = profile(stays, Map.of());
        assertThat(noTrips.label()).isEqualTo(PersonaLabel.RETURNER);
        assertThat(noTrips.modalSplit()).isEmpty();
        assertThat(rule(noTrips, "dominant_mode").fired()).isFalse();
        assertThat(rule(noTrips, "dominant_mode").features()).containsEntry("mode", null).containsEntry("share", null);
        // no stay overlaps a night: home regularity is not judged
        assertThat(noTrips.nights()).isEqualTo(new HomeNights(HomeNights.NO_HOME, 0, 0));
        assertThat(rule(noTrips, "regular_home").fired()).isFalse();

        Persona nothing = profile(List.of(), Map.of());
        assertThat(nothing.label()).isEqualTo(PersonaLabel.NO_DATA);
        assertThat(nothing.traits()).isEmpty();
        assertThat(nothing.rules()).extracting(PersonaRule::name).containsExactly("no_data");
        HomeNights none = new HomeNights(HomeNights.NO_HOME, 0, 0);
        assertThat(SpatialPersonas.profile(null, Map.of(), none, DEFAULTS).label()).isEqualTo(PersonaLabel.NO_DATA);
    }

    @Test
    void theThresholdsDecideAtTheirBoundaries() {
        StoredFootprint footprint = new StoredFootprint(12, 4, 1000, 2, 500, 2.0);
        HomeNights nights = new HomeNights(3, 10, 7);
        Persona atBoundaries = SpatialPersonas.profile(footprint, Map.of("walk", 1.0, "bicycle", 1.0), nights,
                DEFAULTS);
        // k-radius exactly half the radius: not above it, an explorer; entropy exactly 2 bits: routine; a mode at
        // exactly half the length: dominant (ties by name: bicycle); 7 of 10 nights: regular.
        assertThat(atBoundaries.label()).isEqualTo(PersonaLabel.EXPLORER);
        assertThat(atBoundaries.traits()).containsExactly("routine", "dominant_mode", "regular_home");
        assertThat(atBoundaries.dominantMode()).isEqualTo("bicycle");

        PersonaParams stricter = new PersonaParams(0.4, 5, 1.5, 4, 0.6, 0.8, 11, 22, 7, ZoneOffset.UTC);
        Persona stricterPersona = SpatialPersonas.profile(footprint, Map.of("walk", 1.0, "bicycle", 1.0), nights,
                stricter);
        assertThat(stricterPersona.label()).isEqualTo(PersonaLabel.STATIONARY);
        assertThat(stricterPersona.traits()).containsExactly("many_locations");
        assertThat(rule(stricterPersona, "returner").fired()).isTrue();
    }
}
