package dev.tracks.analysis.worker.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreqLocationIdentifierTest {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    @Test
    void theLongestLocationIsHomeAndTheSecondWork() {
        List<StoredStay> stays = List.of(
                stayAt(0, 0, 0, 2 * HOUR),
                stayAt(1, 1, 3 * HOUR, 8 * HOUR),
                stayAt(2, 2, 9 * HOUR, 10 * HOUR),
                stayAt(3, 0, 11 * HOUR, 13 * HOUR));

        LocationResult result = identify(stays, FreqPreFilter.NONE);

        assertThat(result.locations()).extracting(Location::role)
                .containsExactly(LocationRole.WORK, LocationRole.HOME, LocationRole.OTHER);
    }

    @Test
    void equalDurationsGoToTheEarlierLocation() {
        List<StoredStay> stays = List.of(stayAt(0, 0, 0, HOUR), stayAt(1, 1, 2 * HOUR, 3 * HOUR));

        assertThat(identify(stays, FreqPreFilter.NONE).locations()).extracting(Location::role)
                .containsExactly(LocationRole.HOME, LocationRole.WORK);
    }

    @Test
    void theDefaultPreFilterNeedsTenLocationsAndWellVisitedPlaces() {
        List<StoredStay> stays = new ArrayList<>();
        for (int day = 0; day < 12; day++) {
            stays.add(stayAt(stays.size(), 0, day * DAY, day * DAY + 8 * HOUR));
            stays.add(stayAt(stays.size(), 1, day * DAY + 9 * HOUR, day * DAY + 14 * HOUR));
        }
        stays.add(stayAt(stays.size(), 2, 20 * DAY, 30 * DAY));
        for (int place = 3; place < 10; place++) {
            stays.add(stayAt(stays.size(), place, 30 * DAY + place * HOUR, 30 * DAY + place * HOUR + 1));
        }

        LocationResult filtered = identify(stays, FreqPreFilter.TRACKINTEL_DEFAULTS);
        assertThat(filtered.locations()).hasSize(10);
        assertThat(filtered.locations()).extracting(Location::role).containsExactly(LocationRole.HOME,
                LocationRole.WORK, LocationRole.OTHER, LocationRole.OTHER, LocationRole.OTHER, LocationRole.OTHER,
                LocationRole.OTHER, LocationRole.OTHER, LocationRole.OTHER, LocationRole.OTHER);
        assertThat(identify(stays, FreqPreFilter.NONE).locations().get(2).role()).isEqualTo(LocationRole.HOME);

        List<StoredStay> nineLocations = stays.subList(0, stays.size() - 1);
        assertThat(identify(nineLocations, FreqPreFilter.TRACKINTEL_DEFAULTS).locations())
                .extracting(Location::role).containsOnly(LocationRole.OTHER);
    }

    @Test
    void stayStatsLabelsNothingForOneStayAndReturnsNothingForNone() {
        LocationResult one = StayStats.analyze(List.of(stayAt(0, 0, 0, HOUR)), SkillParams.defaults(StayStatsParams.class));
        assertThat(one.locations()).singleElement().extracting(Location::role).isEqualTo(LocationRole.OTHER);

        assertThat(StayStats.analyze(List.of(), SkillParams.defaults(StayStatsParams.class)).locations()).isEmpty();
    }

    private static LocationResult identify(List<StoredStay> stays, FreqPreFilter filter) {
        LocationResult locations = LocationGenerator.generateLocations(stays, SkillParams.defaults(StayStatsParams.class));
        return FreqLocationIdentifier.identify(stays, locations, filter);
    }

    /** A stay at place {@code place}: places lie 1 km apart on a line, so each is its own location. */
    private static StoredStay stayAt(long id, int place, long start, long end) {
        double[] at = Geodesy.destination(47.0, 8.0, 90, place * 1000.0);
        return new StoredStay(id, start, end, at[0], at[1]);
    }
}
