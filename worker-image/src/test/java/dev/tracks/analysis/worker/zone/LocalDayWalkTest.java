package dev.tracks.analysis.worker.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.zone.LocalDayWalk.Day;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Local days walked over fixes: midnight in a non-UTC zone, DST changes, recording gaps, and (with the real zone
 * polygons) flights across zones and the date line, where no time may belong to two days and no date count twice.
 */
class LocalDayWalkTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final UserTimeZones.Resolver IN_ZURICH = new UserTimeZones.Resolver(ZURICH, ZoneOffset.UTC);

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static LocalDate date(LocalDayWalk walk, String instant) {
        return walk.day(walk.dayOf(at(instant), 47.37, 8.54)).date();
    }

    @Test
    void localMidnightInZurichSplitsTheDaysNotUtcMidnight() {
        LocalDayWalk walk = new LocalDayWalk(IN_ZURICH);
        assertThat(date(walk, "2026-06-01T21:59:59Z")).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(date(walk, "2026-06-01T22:00:00Z")).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(date(walk, "2026-06-02T23:30:00Z")).isEqualTo(LocalDate.of(2026, 6, 3));
        assertThat(walk.days()).extracting(Day::startMillis).containsExactly(at("2026-05-31T22:00:00Z"),
                at("2026-06-01T22:00:00Z"), at("2026-06-02T22:00:00Z"));
        assertThat(walk.days()).extracting(Day::zone).containsOnly(new LocalZone(ZURICH, ZoneSource.USER));
    }

    @Test
    void dstDaysAre23And25HoursLong() {
        LocalDayWalk walk = new LocalDayWalk(IN_ZURICH);
        // 2026-03-29: clocks go from 02:00 to 03:00; 2026-10-25: from 03:00 back to 02:00.
        assertThat(date(walk, "2026-03-28T23:30:00Z")).isEqualTo(LocalDate.of(2026, 3, 29)); // 00:30 CET
        assertThat(date(walk, "2026-03-29T21:59:00Z")).isEqualTo(LocalDate.of(2026, 3, 29)); // 23:59 CEST
        assertThat(date(walk, "2026-03-29T22:00:00Z")).isEqualTo(LocalDate.of(2026, 3, 30)); // 00:00 CEST
        Day spring = walk.day(0);
        assertThat(spring.endMillis() - spring.startMillis()).isEqualTo(23 * 3_600_000L);

        LocalDayWalk autumn = new LocalDayWalk(IN_ZURICH);
        assertThat(date(autumn, "2026-10-24T22:30:00Z")).isEqualTo(LocalDate.of(2026, 10, 25)); // 00:30 CEST
        assertThat(date(autumn, "2026-10-25T22:59:00Z")).isEqualTo(LocalDate.of(2026, 10, 25)); // 23:59 CET
        assertThat(autumn.day(0).endMillis() - autumn.day(0).startMillis()).isEqualTo(25 * 3_600_000L);
    }

    @Test
    void aRecordingGapIsWalkedDayByDaySoDaysStayConsecutive() {
        LocalDayWalk walk = new LocalDayWalk(IN_ZURICH);
        walk.dayOf(at("2026-06-01T10:00:00Z"), 47.37, 8.54);
        assertThat(walk.dayOf(at("2026-06-04T10:00:00Z"), 47.37, 8.54)).isEqualTo(3);
        assertThat(walk.days()).extracting(Day::date).containsExactly(LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 4));
        assertThat(walk.indexAt(at("2026-06-02T12:00:00Z"))).isEqualTo(1);
        assertThat(walk.indexAt(at("2026-01-01T00:00:00Z"))).isZero();
        assertThat(walk.indexAt(at("2027-01-01T00:00:00Z"))).isEqualTo(3);
        assertThat(new LocalDayWalk(IN_ZURICH).indexAt(0)).isEqualTo(-1);
    }

    @Test
    void duplicateTimesBelongToOneDay() {
        LocalDayWalk walk = new LocalDayWalk(IN_ZURICH);
        int first = walk.dayOf(at("2026-06-01T21:59:59.999Z"), 47.37, 8.54);
        assertThat(walk.dayOf(at("2026-06-01T21:59:59.999Z"), 47.37, 8.54)).isEqualTo(first);
        assertThat(walk.days()).hasSize(1);
    }

    /** Real zone polygons: New York, Zurich, and the two Samoas on either side of the date line. */
    @Test
    void flightsAcrossZonesAndTheDateLineCountEachDateOnceAndKeepTheLocalDate() {
        UserTimeZones.Resolver world = new UserTimeZones.Resolver(null, ZoneOffset.UTC);
        LocalDayWalk west = new LocalDayWalk(world);
        west.dayOf(at("2026-07-01T10:00:00Z"), 47.37, 8.54); // Zurich, 12:00
        // New York at 19:00 local on the same date: still 2026-07-01, a day of 30 hours.
        int evening = west.dayOf(at("2026-07-01T23:00:00Z"), 40.71, -74.0);
        assertThat(evening).isZero();
        Day long1 = west.day(0);
        assertThat(long1.endMillis() - long1.startMillis()).isEqualTo(30 * 3_600_000L);
        assertThat(long1.zone()).isEqualTo(new LocalZone(ZoneId.of("America/New_York"), ZoneSource.LOCATION));
        assertThat(west.day(west.dayOf(at("2026-07-02T05:00:00Z"), 40.71, -74.0)).date())
                .isEqualTo(LocalDate.of(2026, 7, 2));

        LocalDayWalk east = new LocalDayWalk(world);
        east.dayOf(at("2026-07-01T20:00:00Z"), 40.71, -74.0); // New York, 16:00
        // Zurich at 01:30 local on 07-02: the New York day ended at Zurich's midnight, a day of 18 hours.
        int night = east.dayOf(at("2026-07-01T23:30:00Z"), 47.37, 8.54);
        assertThat(east.day(night).date()).isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(east.day(0).endMillis()).isEqualTo(at("2026-07-01T22:00:00Z"));
        assertThat(east.day(0).endMillis() - east.day(0).startMillis()).isEqualTo(18 * 3_600_000L);

        // A change of zone is noticed at the first fix in the new zone, however soon it comes.
        LocalDayWalk soon = new LocalDayWalk(world);
        soon.dayOf(at("2026-07-01T20:00:00Z"), 40.71, -74.0);
        int minuteLater = soon.dayOf(at("2026-07-01T20:01:00Z"), 47.37, 8.54);
        assertThat(soon.day(minuteLater).zone().zone()).isEqualTo(ZURICH);
        assertThat(soon.day(0).endMillis()).isEqualTo(at("2026-07-01T22:00:00Z"));

        // American Samoa (UTC-11) to Samoa (UTC+13): 2026-07-02 has only the hours before Samoa's next midnight.
        LocalDayWalk dateLine = new LocalDayWalk(world);
        dateLine.dayOf(at("2026-07-01T23:00:00Z"), -14.28, -170.70); // Pago Pago, 07-01 12:00
        int apia = dateLine.dayOf(at("2026-07-02T23:00:00Z"), -13.83, -171.76); // Apia, 07-03 12:00
        List<Day> days = dateLine.days();
        assertThat(days.get(apia).date()).isEqualTo(LocalDate.of(2026, 7, 3));
        assertThat(days).extracting(Day::date).doesNotHaveDuplicates().isSorted();
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i).startMillis()).isEqualTo(days.get(i - 1).endMillis());
        }
    }
}
