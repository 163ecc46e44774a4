package dev.tracks.analysis.worker.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.location.Location;
import dev.tracks.analysis.worker.location.LocationGenerator;
import dev.tracks.analysis.worker.location.LocationResult;
import dev.tracks.analysis.worker.location.StayStatsParams;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.StoredStay;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FootprintStatsTest {

    private static final long HOUR = 3_600_000L;
    private static final double LAT_A = 47.0;
    private static final double LON = 8.0;
    /** Latitude of B, exactly 1 km north of A on the meridian. */
    private static final double LAT_B = LAT_A + Math.toDegrees(1000 / Geodesy.EARTH_RADIUS_METERS);
    private static final double LAT_C = LAT_A + Math.toDegrees(5000 / Geodesy.EARTH_RADIUS_METERS);
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final FootprintParams PARAMS = new FootprintParams(2, 22, 7, ZURICH);

    /** A three times by day for 1 h each, B once, overnight, for 3 h (winter: Zurich is UTC+1). */
    private static final List<VisitedStay> TWO_PLACES = List.of(
            new VisitedStay(1, at("2026-01-05T08:00:00Z"), at("2026-01-05T09:00:00Z"), LAT_A, LON, 10),
            new VisitedStay(2, at("2026-01-05T12:00:00Z"), at("2026-01-05T13:00:00Z"), LAT_A, LON, 10),
            new VisitedStay(3, at("2026-01-05T19:30:00Z"), at("2026-01-05T20:30:00Z"), LAT_A, LON, 10),
            new VisitedStay(4, at("2026-01-05T22:30:00Z"), at("2026-01-06T01:30:00Z"), LAT_B, LON, 11));

    @Test
    void twoPlacesOneKilometreApartHaveExactMeasures() {
        Footprint footprint = FootprintStats.compute(TWO_PLACES, 17, PARAMS);

        assertThat(footprint.stayCount()).isEqualTo(4);
        assertThat(footprint.locationCount()).isEqualTo(2);
        assertThat(footprint.distinctCells()).isEqualTo(17);
        // centre 250 m from A: sqrt((3 * 250^2 + 750^2) / 4) = 1000 sqrt(3) / 4
        assertThat(footprint.radiusOfGyrationMeters()).isCloseTo(1000 * Math.sqrt(3) / 4, within(1e-6));
        // 3 h at A and 3 h at B: centre halfway
        assertThat(footprint.durationRadiusOfGyrationMeters()).isCloseTo(500, within(1e-6));
        assertThat(footprint.kRadiusOfGyrationMeters()).isCloseTo(1000 * Math.sqrt(3) / 4, within(1e-6));
        assertThat(footprint.randomEntropy()).isEqualTo(1.0);
        assertThat(footprint.uncorrelatedEntropy())
                .isCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2), within(1e-12));
        assertThat(footprint.jumpLengthsMeters().count()).isEqualTo(3);
        assertThat(footprint.jumpLengthsMeters().min()).isZero();
        assertThat(footprint.jumpLengthsMeters().median()).isZero();
        assertThat(footprint.jumpLengthsMeters().p90()).isCloseTo(800, within(1e-6));
        assertThat(footprint.jumpLengthsMeters().max()).isCloseTo(1000, within(1e-6));
        assertThat(footprint.jumpLengthsMeters().mean()).isCloseTo(1000 / 3.0, within(1e-6));
        assertThat(footprint.home()).isEqualTo(new HomeLocation(11, LAT_B, LON, 1, true));
        assertThat(footprint.maxDistanceFromHomeMeters()).isCloseTo(1000, within(1e-6));
    }

    @Test
    void theKRadiusTakesOnlyTheKMostVisitedLocations() {
        List<VisitedStay> stays = List.of(
                new VisitedStay(1, 0, HOUR, LAT_A, LON, 1),
                new VisitedStay(2, 2 * HOUR, 3 * HOUR, LAT_B, LON, 2),
                new VisitedStay(3, 4 * HOUR, 5 * HOUR, LAT_C, LON, 3),
                new VisitedStay(4, 6 * HOUR, 7 * HOUR, LAT_A, LON, 1),
                new VisitedStay(5, 8 * HOUR, 9 * HOUR, LAT_B, LON, 2),
                new VisitedStay(6, 10 * HOUR, 11 * HOUR, LAT_A, LON, 1));

        Footprint footprint = FootprintStats.compute(stays, 0, PARAMS);

        // A 3 visits, B 2: centre 400 m from A; sqrt((3 * 400^2 + 2 * 600^2) / 5)
        assertThat(footprint.kRadiusOfGyrationMeters()).isCloseTo(Math.sqrt(240_000), within(1e-6));
        assertThat(footprint.radiusOfGyrationMeters()).isGreaterThan(footprint.kRadiusOfGyrationMeters());
        assertThat(footprint.randomEntropy()).isCloseTo(Math.log(3) / Math.log(2), within(1e-12));
    }

    @Test
    void withoutNightVisitsHomeIsTheMostVisitedLocation() {
        List<VisitedStay> days = TWO_PLACES.subList(0, 3);
        Footprint footprint = FootprintStats.compute(List.of(days.get(0), days.get(1),
                new VisitedStay(9, at("2026-01-06T10:00:00Z"), at("2026-01-06T11:00:00Z"), LAT_B, LON, 11)), 0,
                PARAMS);

        assertThat(footprint.home()).isEqualTo(new HomeLocation(10, LAT_A, LON, 2, false));
    }

    @Test
    void nightHoursIncludeBothEndsInLocalTime() {
        assertThat(NightHome.atNight(at("2026-01-05T21:00:00Z"), PARAMS)).isTrue();
        assertThat(NightHome.atNight(at("2026-01-05T20:59:59Z"), PARAMS)).isFalse();
        assertThat(NightHome.atNight(at("2026-01-06T06:00:00Z"), PARAMS)).isTrue();
        assertThat(NightHome.atNight(at("2026-01-06T06:00:01Z"), PARAMS)).isFalse();
        assertThat(NightHome.atNight(at("2026-01-06T06:30:00Z"), SkillParams.defaults(FootprintParams.class))).isTrue();
        FootprintParams afternoon = new FootprintParams(2, 13, 15, ZURICH);
        assertThat(NightHome.atNight(at("2026-01-06T13:00:00Z"), afternoon)).isTrue();
        assertThat(NightHome.atNight(at("2026-01-06T15:00:00Z"), afternoon)).isFalse();
    }

    @Test
    void unclusteredStaysAreLocationsByExactCoordinates() {
        List<VisitedStay> stays = List.of(
                new VisitedStay(1, 0, HOUR, LAT_A, LON, VisitedStay.NO_LOCATION),
                new VisitedStay(2, 2 * HOUR, 3 * HOUR, LAT_B, LON, VisitedStay.NO_LOCATION),
                new VisitedStay(3, 4 * HOUR, 5 * HOUR, LAT_A, LON, VisitedStay.NO_LOCATION));

        Footprint footprint = FootprintStats.compute(stays, 0, PARAMS);

        assertThat(footprint.locationCount()).isEqualTo(2);
        // the stays start at 01:00, 03:00 and 05:00 in Zurich: all at night
        assertThat(footprint.home()).isEqualTo(new HomeLocation(VisitedStay.NO_LOCATION, LAT_A, LON, 2, true));
    }

    @Test
    void theRadiusAcrossTheAntimeridianIsLocal() {
        List<VisitedStay> stays = List.of(
                new VisitedStay(1, 0, HOUR, 0, 179.995, 1),
                new VisitedStay(2, 2 * HOUR, 3 * HOUR, 0, -179.995, 2));

        Footprint footprint = FootprintStats.compute(stays, 0, PARAMS);

        double apart = Geodesy.distanceMeters(0, 179.995, 0, -179.995);
        assertThat(apart).isCloseTo(1112, within(1.0));
        assertThat(footprint.radiusOfGyrationMeters()).isCloseTo(apart / 2, within(1e-6));
        assertThat(footprint.kRadiusOfGyrationMeters()).isCloseTo(apart / 2, within(1e-6));
    }

    @Test
    void oneStayHasZeroSpreadAndNoStaysNoMeasures() {
        Footprint one = FootprintStats.compute(List.of(TWO_PLACES.get(3)), 1, PARAMS);
        assertThat(one.radiusOfGyrationMeters()).isZero();
        assertThat(one.kRadiusOfGyrationMeters()).isZero();
        assertThat(one.randomEntropy()).isZero();
        assertThat(one.uncorrelatedEntropy()).isZero();
        assertThat(one.jumpLengthsMeters().count()).isZero();
        assertThat(one.home().locationId()).isEqualTo(11);
        assertThat(one.maxDistanceFromHomeMeters()).isZero();

        Footprint none = FootprintStats.compute(List.of(), 0, PARAMS);
        assertThat(none.stayCount()).isZero();
        assertThat(none.locationCount()).isZero();
        assertThat(none.radiusOfGyrationMeters()).isNaN();
        assertThat(none.durationRadiusOfGyrationMeters()).isNaN();
        assertThat(none.randomEntropy()).isNaN();
        assertThat(none.jumpLengthsMeters().median()).isNaN();
        assertThat(none.home()).isNull();
        assertThat(none.maxDistanceFromHomeMeters()).isNaN();
    }

    @Test
    void locationsFromStayStatsKeepTheirCentres() {
        Random random = new Random(8);
        List<StoredStay> stays = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            long midnight = at("2026-02-02T00:00:00Z") + day * 24 * HOUR;
            stays.add(noisyStay(random, stays.size(), midnight - 2 * HOUR, midnight + 6 * HOUR, LAT_A));
            stays.add(noisyStay(random, stays.size(), midnight + 8 * HOUR, midnight + 16 * HOUR, LAT_B));
        }
        LocationResult locations = LocationGenerator.generateLocations(stays, SkillParams.defaults(StayStatsParams.class));
        List<VisitedStay> visited = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            StoredStay stay = stays.get(i);
            visited.add(new VisitedStay(stay.id(), stay.startMillis(), stay.endMillis(), stay.lat(), stay.lon(),
                    locations.stayLocations().get(i).locationId()));
        }

        Footprint footprint = FootprintStats.compute(visited, 0, PARAMS);

        Location home = locations.locations().get(0);
        assertThat(footprint.locationCount()).isEqualTo(2);
        assertThat(footprint.home()).isEqualTo(new HomeLocation(0, home.lat(), home.lon(), 6, true));
        assertThat(footprint.uncorrelatedEntropy()).isEqualTo(1.0);
    }

    private static StoredStay noisyStay(Random random, long id, long start, long end, double lat) {
        double[] at = Geodesy.destination(lat, LON, random.nextDouble() * 360, random.nextDouble() * 20);
        return new StoredStay(id, start, end, at[0], at[1]);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
