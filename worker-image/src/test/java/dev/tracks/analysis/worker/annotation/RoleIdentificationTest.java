package dev.tracks.analysis.worker.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.location.FreqPreFilter;
import dev.tracks.analysis.worker.location.LocationRole;
import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three views on generated weeks whose answers are worked out by hand, in Zurich time: trackintel FREQ and OSNA
 * (frames by a stay's mid time, weights 0.739 and 0.358, the home/work overlap rule, ties to the lower id) and the
 * night window, with the margins to the runner-up, the pre-filter, one location and none.
 */
class RoleIdentificationTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    /** Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    private static final double HOUR = 3_600_000.0;

    private final List<StoredStay> stays = new ArrayList<>();
    private final List<List<Long>> members = new ArrayList<>();

    /** A stay at location {@code location} from day {@code day} (0: Monday) at {@code from} to day/time {@code to}. */
    private void stay(int location, int day, String from, int toDay, String to) {
        while (members.size() <= location) {
            members.add(new ArrayList<>());
        }
        long start = at(day, from);
        long end = at(toDay, to);
        long id = stays.size() + 100;
        stays.add(new StoredStay(id, start, end, 47.0 + location * 0.01, 8.0));
        members.get(location).add(id);
    }

    private static long at(int day, String time) {
        return LocalDateTime.of(MONDAY.plusDays(day), LocalTime.parse(time)).atZone(ZURICH).toInstant()
                .toEpochMilli();
    }

    private List<LocationRoles> identify(FreqPreFilter filter) {
        List<StoredLocation> locations = new ArrayList<>();
        for (int id = 0; id < members.size(); id++) {
            locations.add(new StoredLocation(id, 47.0 + id * 0.01, 8.0, LocationRole.OTHER,
                    members.get(id).stream().mapToLong(Long::longValue).toArray()));
        }
        return RoleIdentification.identify(stays, locations, LocatedStays.byLocation(stays, locations),
                new UserTimeZones.Resolver(ZURICH, ZoneOffset.UTC), filter);
    }

    /**
     * Sleeps at A (0) every night 19:00-07:30, works at B (1) on weekdays 08:30-17:30, sees C (2) on Tuesday and
     * Thursday 18:00-18:45 and on Saturday 10:00-14:00.
     */
    private void week() {
        for (int day = 0; day < 7; day++) {
            stay(0, day, "19:00", day + 1, "07:30");
            if (day < 5) {
                stay(1, day, "08:30", day, "17:30");
            }
        }
        stay(2, 1, "18:00", 1, "18:45");
        stay(2, 3, "18:00", 3, "18:45");
        stay(2, 5, "10:00", 5, "14:00");
    }

    @Test
    void aWeekOfNightsAtAOfficeHoursAtBAndVisitsToCLabelsAHomeAndBWorkByEveryMethod() {
        week();
        List<LocationRoles> roles = identify(FreqPreFilter.NONE);

        LocationRoles a = roles.get(0);
        LocationRoles b = roles.get(1);
        LocationRoles c = roles.get(2);
        assertThat(roles).extracting(r -> r.freq().role(), r -> r.osna().role(), r -> r.night().role())
                .containsExactly(
                        tuple(LocationRole.HOME, LocationRole.HOME, LocationRole.HOME),
                        tuple(LocationRole.WORK, LocationRole.WORK, LocationRole.OTHER),
                        tuple(LocationRole.OTHER, LocationRole.OTHER,
                                LocationRole.OTHER));
        // FREQ: 7 x 12.5 h at A, 5 x 9 h at B, 2 x 0.75 h + 4 h at C.
        assertThat(a.dwellMillis()).isEqualTo((long) (87.5 * HOUR));
        assertThat(b.dwellMillis()).isEqualTo((long) (45 * HOUR));
        assertThat(c.dwellMillis()).isEqualTo((long) (5.5 * HOUR));
        assertThat(a.freq().confidence()).isCloseTo((87.5 - 45) / 87.5, within(1e-12));
        assertThat(b.freq().confidence()).isCloseTo((45 - 5.5) / 45, within(1e-12));
        assertThat(c.freq().confidence()).isNull();
        // OSNA: a night's mid time is 01:15, leisure; the nights with a mid on Saturday and Sunday do not count, so
        // five nights x 12.5 h x 0.358. C's weekday visits have their mid at 18:22, in the work frame.
        assertThat(a.osnaHomeMillis()).isCloseTo(5 * 12.5 * HOUR * 0.358, within(1e-3));
        assertThat(a.osnaWorkMillis()).isZero();
        assertThat(b.osnaWorkMillis()).isEqualTo(45 * HOUR);
        assertThat(c.osnaWorkMillis()).isEqualTo(1.5 * HOUR);
        assertThat(c.osnaHomeMillis()).isZero();
        assertThat(a.osna().confidence()).isEqualTo(1.0);
        assertThat(b.osna().confidence()).isCloseTo((45 - 1.5) / 45, within(1e-12));
        // Night: 22:00-07:00 of each 19:00-07:30 stay, 9 h a night.
        assertThat(a.nightMillis()).isEqualTo((long) (63 * HOUR));
        assertThat(b.nightMillis()).isZero();
        assertThat(a.night().confidence()).isEqualTo(1.0);
        assertThat(a.by(RoleMethod.NIGHT)).isEqualTo(a.night());
    }

    @Test
    void theDefaultPreFilterLeavesAUserWithThreeLocationsUnlabelledByTrackintelButNotByTheNightWindow() {
        week();
        List<LocationRoles> roles = identify(FreqPreFilter.TRACKINTEL_DEFAULTS);

        assertThat(roles).extracting(r -> r.freq().role()).containsOnly(LocationRole.OTHER);
        assertThat(roles).extracting(r -> r.osna().role()).containsOnly(LocationRole.OTHER);
        assertThat(roles).extracting(r -> r.night().role()).containsExactly(LocationRole.HOME, LocationRole.OTHER,
                LocationRole.OTHER);
        assertThat(roles.get(0).osnaHomeMillis()).as("a location the filter drops is not scored").isZero();
    }

    /**
     * Eleven locations of a user who passes trackintel's filter: the first ten have ten stays each, the eleventh
     * only two, the longest of all. FREQ and OSNA never label it; the night window, which has no filter, makes it
     * home.
     */
    @Test
    void aLocationThePreFilterDropsGetsNoTrackintelLabelButMayBeTheNightHome() {
        for (int day = 0; day < 10; day++) {
            for (int location = 0; location < 10; location++) {
                String from = String.format("%02d:00", 8 + location);
                String to = String.format("%02d:%02d", 8 + location, location == 1 ? 59 : 30);
                stay(location, day, from, day, to);
            }
        }
        stay(10, 20, "18:00", 23, "18:00");
        stay(10, 23, "20:00", 26, "08:00");

        List<LocationRoles> roles = identify(FreqPreFilter.TRACKINTEL_DEFAULTS);

        assertThat(roles.get(10).freq().role()).isEqualTo(LocationRole.OTHER);
        assertThat(roles.get(10).osna().role()).isEqualTo(LocationRole.OTHER);
        assertThat(roles.get(10).night().role()).isEqualTo(LocationRole.HOME);
        // Location 1 stays 59 min a day, the others 30: FREQ's home; its mid times (09:29) are office hours, so it is
        // also OSNA's first choice for work, and no stay lies in rest or leisure: OSNA has no home.
        assertThat(roles.get(1).freq().role()).isEqualTo(LocationRole.HOME);
        assertThat(roles.get(0).freq().role()).isEqualTo(LocationRole.WORK);
        assertThat(roles.get(0).freq().confidence()).isZero();
        assertThat(roles.get(1).osna().role()).isEqualTo(LocationRole.WORK);
        assertThat(roles).extracting(r -> r.osna().role()).doesNotContain(LocationRole.HOME);
    }

    /** Two places with the same nights: the lower id wins every tie, with confidence 0. */
    @Test
    void anAmbiguousUserGetsTheLowerIdAtConfidenceZero() {
        stay(0, 0, "20:00", 1, "07:00");
        stay(1, 1, "20:00", 2, "07:00");
        stay(0, 2, "20:00", 3, "07:00");
        stay(1, 3, "20:00", 4, "07:00");

        List<LocationRoles> roles = identify(FreqPreFilter.NONE);

        assertThat(roles.get(0).freq()).isEqualTo(new RoleView(LocationRole.HOME, 0.0));
        assertThat(roles.get(1).freq()).isEqualTo(new RoleView(LocationRole.WORK, 1.0));
        assertThat(roles.get(0).osna()).isEqualTo(new RoleView(LocationRole.HOME, 0.0));
        // No stay has its mid in office hours: OSNA's work is nobody.
        assertThat(roles.get(1).osna()).isEqualTo(RoleView.OTHER);
        assertThat(roles.get(0).night()).isEqualTo(new RoleView(LocationRole.HOME, 0.0));
        assertThat(roles.get(1).night()).isEqualTo(RoleView.OTHER);
    }

    /**
     * One location, slept and worked at: FREQ and the night window make it home without rival; OSNA finds it first
     * for home and for work, keeps it home and has no other location to give work.
     */
    @Test
    void aUserWithOneLocationHasAHomeAndNoWork() {
        stay(0, 0, "20:00", 1, "07:00");
        stay(0, 1, "09:00", 1, "17:00");

        LocationRoles only = identify(FreqPreFilter.NONE).get(0);

        assertThat(only.freq()).isEqualTo(new RoleView(LocationRole.HOME, 1.0));
        assertThat(only.osna()).isEqualTo(new RoleView(LocationRole.HOME, 1.0));
        assertThat(only.osnaWorkMillis()).isEqualTo(8 * HOUR);
        assertThat(only.night()).isEqualTo(new RoleView(LocationRole.HOME, 1.0));
    }

    /** OSNA's overlap rule: the location that wins home and work keeps home; work goes to the next by work time. */
    @Test
    void osnaGivesWorkToTheRunnerUpWhenHomeAlsoWinsWork() {
        stay(0, 0, "20:00", 1, "06:00");
        stay(0, 1, "08:00", 1, "18:00");
        stay(1, 2, "09:00", 2, "12:00");
        stay(2, 3, "09:00", 3, "10:00");

        List<LocationRoles> roles = identify(FreqPreFilter.NONE);

        assertThat(roles.get(0).osna().role()).isEqualTo(LocationRole.HOME);
        assertThat(roles.get(1).osna()).isEqualTo(new RoleView(LocationRole.WORK, (3.0 - 1.0) / 3.0));
        assertThat(roles.get(2).osna()).isEqualTo(RoleView.OTHER);
        // 20:00-06:00 has its mid at 01:00, leisure: 10 h x 0.358.
        assertThat(roles.get(0).osnaHomeMillis()).isCloseTo(10 * HOUR * 0.358, within(1e-3));
    }

    @Test
    void restWeighsMoreThanLeisureAndWeekendsDoNotCount() {
        stay(0, 1, "02:00", 1, "06:00");
        stay(1, 1, "20:00", 1, "23:00");
        stay(2, 5, "02:00", 5, "06:00");

        List<LocationRoles> roles = identify(FreqPreFilter.NONE);

        assertThat(roles.get(0).osnaHomeMillis()).isCloseTo(4 * HOUR * 0.739, within(1e-3));
        assertThat(roles.get(1).osnaHomeMillis()).isCloseTo(3 * HOUR * 0.358, within(1e-3));
        assertThat(roles.get(2).osnaHomeMillis()).isZero();
        assertThat(roles.get(0).osna().role()).isEqualTo(LocationRole.HOME);
        assertThat(roles.get(0).osna().confidence()).isCloseTo(1 - (3 * 0.358) / (4 * 0.739), within(1e-9));
    }

    @Test
    void noLocationsNoRoles() {
        assertThat(identify(FreqPreFilter.NONE)).isEmpty();
    }

    /** Without a night stay, the night view falls back to the most stay time, as skmob to the most visited. */
    @Test
    void withoutNightTimeTheNightHomeIsTheLongestStayedLocation() {
        stay(0, 0, "09:00", 0, "10:00");
        stay(1, 0, "11:00", 0, "15:00");

        List<LocationRoles> roles = identify(FreqPreFilter.NONE);

        assertThat(roles).extracting(r -> r.night().role()).containsExactly(LocationRole.OTHER, LocationRole.HOME);
        assertThat(roles.get(1).night().confidence()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void theNightWindowIsLocalAndShorterWhenTheClocksGoForward() {
        long normal = NightWindow.millisIn(new ZonedStay(at(0, "20:00"), at(1, "09:00"), ZURICH));
        assertThat(normal).isEqualTo((long) (9 * HOUR));
        // 28-29 March 2026: Zurich's clocks jump from 02:00 to 03:00.
        long start = LocalDateTime.of(2026, 3, 28, 20, 0).atZone(ZURICH).toInstant().toEpochMilli();
        long end = LocalDateTime.of(2026, 3, 29, 9, 0).atZone(ZURICH).toInstant().toEpochMilli();
        assertThat(NightWindow.millisIn(new ZonedStay(start, end, ZURICH))).isEqualTo((long) (8 * HOUR));
        // Across three nights: 06:00 to 23:00 the next day covers 1 h + 9 h + 1 h.
        assertThat(NightWindow.millisIn(new ZonedStay(at(0, "06:00"), at(1, "23:00"), ZURICH)))
                .isEqualTo((long) (11 * HOUR));
    }
}
