package dev.tracks.analysis.worker.timeaxis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.location.LocationRole;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The time axis of generated days whose answer is known: a day at home, on the way and at work, cut into local bins;
 * DST days, bins that do not divide the day, gaps, the antimeridian, no fixes and one fix.
 */
class SpaceTimePathTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final double HOME_LAT = 47.37;
    private static final double HOME_LON = 8.54;
    private static final double WORK_LON = 8.64;
    private static final double[] HOME = {HOME_LAT, HOME_LON};

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static SpaceTimePath path(int binMinutes, List<StayPlace> stays, double[] home, ZoneId zone) {
        return new SpaceTimePath(new UserTimeZones.Resolver(zone, ZoneOffset.UTC),
                new TimeAxisParams(binMinutes, 9, ZoneOffset.UTC), stays, home);
    }

    /**
     * 1 June 2026 (UTC+2): at home from local midnight to 08:00, a fix a minute east to work by 08:30, at work to
     * 17:00, the first fix after work at 17:00, then nothing. Stays run to the first fix after them.
     */
    private static List<TimeAxisEntry> commute(int binMinutes) {
        List<StayPlace> stays = List.of(
                new StayPlace(at("2026-05-31T22:00:00Z"), at("2026-06-01T06:00:00Z"), HOME_LAT, HOME_LON, 0,
                        LocationRole.HOME),
                new StayPlace(at("2026-06-01T06:30:00Z"), at("2026-06-01T15:00:00Z"), HOME_LAT, WORK_LON, 1,
                        LocationRole.WORK));
        SpaceTimePath path = path(binMinutes, stays, HOME, ZURICH);
        for (long t = at("2026-05-31T22:00:00Z"); t < at("2026-06-01T06:00:00Z"); t += 300_000) {
            path.addFix(t, HOME_LAT, HOME_LON);
        }
        for (int minute = 0; minute < 30; minute++) {
            path.addFix(at("2026-06-01T06:00:00Z") + minute * 60_000L, HOME_LAT,
                    HOME_LON + (WORK_LON - HOME_LON) * minute / 30);
        }
        for (long t = at("2026-06-01T06:30:00Z"); t <= at("2026-06-01T15:00:00Z"); t += 300_000) {
            path.addFix(t, HOME_LAT, WORK_LON);
        }
        return path.finish();
    }

    @Test
    void aCommutingDayInHourBins() {
        List<TimeAxisEntry> bins = commute(60);
        double toWork = Geodesy.distanceMeters(HOME_LAT, HOME_LON, HOME_LAT, WORK_LON);

        assertThat(bins).hasSize(24);
        assertThat(bins).extracting(TimeAxisEntry::date).containsOnly(LocalDate.of(2026, 6, 1));
        assertThat(bins.get(0).binStartMillis()).isEqualTo(at("2026-05-31T22:00:00Z"));
        assertThat(bins).extracting(TimeAxisEntry::binSeconds).containsOnly(3600);
        for (int hour = 0; hour < 8; hour++) {
            TimeAxisEntry bin = bins.get(hour);
            assertThat(bin.state()).isEqualTo(AxisState.STAY);
            assertThat(bin.distanceFromHomeMeters()).isZero();
            assertThat(bin.locationId()).isZero();
            assertThat(bin.role()).isEqualTo(LocationRole.HOME);
            assertThat(bin.h3Cell()).isEqualTo(CellVisits.cellOf(HOME_LAT, HOME_LON, 9));
        }
        // 08:00-09:00: half of it at work, so a stay at work, although the way there has fixes.
        for (int hour = 8; hour < 17; hour++) {
            TimeAxisEntry bin = bins.get(hour);
            assertThat(bin.state()).as("hour " + hour).isEqualTo(AxisState.STAY);
            assertThat(bin.role()).isEqualTo(LocationRole.WORK);
            assertThat(bin.distanceFromHomeMeters()).isCloseTo(toWork, within(0.01));
        }
        // 17:00: the first fix after work, outside every stay; then nothing recorded.
        assertThat(bins.get(17).state()).isEqualTo(AxisState.MOVE);
        assertThat(bins.get(17).locationId()).isNull();
        assertThat(bins.get(17).distanceFromHomeMeters()).isCloseTo(toWork, within(0.01));
        assertThat(bins.subList(18, 24)).allSatisfy(bin -> {
            assertThat(bin.state()).isEqualTo(AxisState.GAP);
            assertThat(bin.distanceFromHomeMeters()).isNull();
            assertThat(bin.h3Cell()).isNull();
        });
    }

    @Test
    void quarterHourBinsSeeTheWayToWork() {
        List<TimeAxisEntry> bins = commute(15);
        assertThat(bins).hasSize(96);
        // 08:00-08:15 starts at home's door; 08:15-08:30 starts half way.
        assertThat(bins.get(32).state()).isEqualTo(AxisState.MOVE);
        assertThat(bins.get(32).distanceFromHomeMeters()).isCloseTo(0, within(0.01));
        assertThat(bins.get(33).state()).isEqualTo(AxisState.MOVE);
        assertThat(bins.get(33).distanceFromHomeMeters()).isCloseTo(
                Geodesy.distanceMeters(HOME_LAT, HOME_LON, HOME_LAT, (HOME_LON + WORK_LON) / 2), within(0.01));
        assertThat(bins.get(34).state()).isEqualTo(AxisState.STAY);
    }

    @Test
    void dstDaysHave92And100QuarterHoursAndBinsThatDoNotDivideTheDayEndShort() {
        SpaceTimePath path = path(15, List.of(), null, ZURICH);
        path.addFix(at("2026-03-29T10:00:00Z"), HOME_LAT, HOME_LON);
        path.addFix(at("2026-10-25T10:00:00Z"), HOME_LAT, HOME_LON);
        Map<LocalDate, Long> perDay = path.finish().stream().collect(Collectors.groupingBy(TimeAxisEntry::date,
                TreeMap::new, Collectors.counting()));
        // Only days with fixes have bins, not the seven months between them.
        assertThat(perDay).containsExactly(Map.entry(LocalDate.of(2026, 3, 29), 92L),
                Map.entry(LocalDate.of(2026, 10, 25), 100L));

        SpaceTimePath odd = path(25, List.of(), null, ZURICH);
        odd.addFix(at("2026-06-01T10:00:00Z"), HOME_LAT, HOME_LON);
        List<TimeAxisEntry> bins = odd.finish();
        assertThat(bins).hasSize(58);
        assertThat(bins.get(57).binSeconds()).isEqualTo(15 * 60);
        assertThat(bins.get(57).binStartMillis() + 15 * 60_000L).isEqualTo(at("2026-06-01T22:00:00Z"));
    }

    @Test
    void noFixesNoBinsOneFixOneDayWithoutAHomeNoDistance() {
        assertThat(path(15, List.of(), HOME, ZURICH).finish()).isEmpty();

        SpaceTimePath one = path(15, List.of(), null, ZURICH);
        one.addFix(at("2026-06-01T10:07:00Z"), HOME_LAT, HOME_LON); // 12:07 local
        List<TimeAxisEntry> bins = one.finish();
        assertThat(bins).hasSize(96);
        List<TimeAxisEntry> moves = bins.stream().filter(bin -> bin.state() == AxisState.MOVE).toList();
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).binStartMillis()).isEqualTo(at("2026-06-01T10:00:00Z"));
        assertThat(moves.get(0).distanceFromHomeMeters()).isNull();
        assertThat(moves.get(0).h3Cell()).isEqualTo(CellVisits.cellOf(HOME_LAT, HOME_LON, 9));
    }

    @Test
    void duplicateTimesAndTheAntimeridian() {
        // Home in Fiji just west of 180 degrees; the user crosses to just east of it: about 21 km, not 40,000.
        SpaceTimePath path = path(60, List.of(), new double[] {-17.7, 179.9}, ZoneId.of("Pacific/Fiji"));
        path.addFix(at("2026-06-01T00:10:00Z"), -17.7, 179.95);
        path.addFix(at("2026-06-01T00:10:00Z"), -17.7, -179.9);
        path.addFix(at("2026-06-01T01:10:00Z"), -17.7, -179.9);
        List<TimeAxisEntry> bins = path.finish();
        assertThat(bins.get(12).state()).isEqualTo(AxisState.MOVE); // 12:10 local, UTC+12
        assertThat(bins.get(12).distanceFromHomeMeters()).isCloseTo(5_300, within(100.0));
        assertThat(bins.get(13).distanceFromHomeMeters()).isCloseTo(21_200, within(200.0));
        assertThat(bins.get(13).h3Cell()).isEqualTo(CellVisits.cellOf(-17.7, -179.9, 9));
    }
}
