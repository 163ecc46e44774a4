package dev.tracks.analysis.worker.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.stay.StoredStay;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeNightsTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private static StoredStay stay(long id, String from, String to) {
        return new StoredStay(id, Instant.parse(from).toEpochMilli(), Instant.parse(to).toEpochMilli(), 47, 8);
    }

    @Test
    void nightsRunFromTwentyTwoToSevenLocalWithBothEndsIncludedAndHomeHasTheMostNights() {
        // Winter, Zurich is UTC+1: the night of Jan 5 runs from 21:00Z on Jan 5 to 06:00Z on Jan 6.
        List<StoredStay> stays = List.of(
                stay(1, "2026-01-05T12:00:00Z", "2026-01-05T21:00:00Z"), // ends at 22:00 local: night of Jan 5
                stay(2, "2026-01-07T06:00:01Z", "2026-01-07T12:00:00Z"), // starts 07:00:01 local: no night
                stay(3, "2026-01-08T02:00:00Z", "2026-01-08T02:00:00Z"), // 03:00 local, zero length: night of Jan 7
                stay(4, "2026-01-09T20:00:00Z", "2026-01-12T08:00:00Z"), // three nights, Jan 9, 10, 11
                stay(5, "2026-01-10T23:00:00Z", "2026-01-10T23:30:00Z")); // night of Jan 10, unclustered
        Map<Long, Integer> locations = Map.of(1L, 4, 2L, 6, 3L, 5, 4L, 4);

        HomeNights nights = HomeNights.count(stays, locations, ZURICH, 22, 7);

        assertThat(nights).isEqualTo(new HomeNights(4, 5, 4));
        assertThat(nights.share()).isEqualTo(0.8);
        assertThat(HomeNights.count(stays, Map.of(), ZURICH, 22, 7)).isEqualTo(new HomeNights(HomeNights.NO_HOME,
                5, 0));
        assertThat(HomeNights.count(List.of(), Map.of(), ZURICH, 22, 7).share()).isNaN();
    }

    @Test
    void tiesGoToTheLowerLocationIdAndANightThatDoesNotWrapStaysOnItsDay() {
        List<StoredStay> stays = List.of(stay(1, "2026-01-05T23:30:00Z", "2026-01-06T00:30:00Z"),
                stay(2, "2026-01-06T23:30:00Z", "2026-01-07T00:30:00Z"));
        // 01:00 to 05:00 local: the night of date d lies on d itself; both stays end at 01:30 local
        assertThat(HomeNights.count(stays, Map.of(1L, 8, 2L, 3), ZURICH, 1, 5)).isEqualTo(new HomeNights(3, 2, 1));
        assertThat(HomeNights.count(stays, Map.of(1L, 8, 2L, 3), ZURICH, 2, 5))
                .isEqualTo(new HomeNights(HomeNights.NO_HOME, 0, 0));
    }
}
