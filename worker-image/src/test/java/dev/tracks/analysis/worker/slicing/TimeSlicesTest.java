package dev.tracks.analysis.worker.slicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.grid.CellSummaries;
import dev.tracks.analysis.worker.grid.CellSummary;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.grid.GridParams;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.ChunkedRun;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import dev.tracks.analysis.worker.zone.LocalZone;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import dev.tracks.analysis.worker.zone.ZoneSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** time_space_slicing on tracks whose answer is known, the calendar's edge cases, and chunked == whole. */
class TimeSlicesTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final int RESOLUTION = SkillParams.defaults(GridParams.class).h3Resolution();
    private static final double LAT = 47.3769;
    private static final double LON = 8.5417;
    /** A user whose zone is set: no polygon lookup. */
    private static final TimeSlices.Zones IN_ZURICH = new UserTimeZones.Resolver(ZURICH, ZoneOffset.UTC)::at;

    private static TimeSliceParams params(Granularity granularity) {
        TimeSliceParams defaults = SkillParams.defaults(TimeSliceParams.class);
        return new TimeSliceParams(granularity, defaults.maxDwellGapSeconds(), defaults.timeZone());
    }

    private static StreamResult<TimeSlice> slice(Fixes fixes, Granularity granularity) {
        return TimeSlices.slice(fixes, 0, RESOLUTION, params(granularity), IN_ZURICH);
    }

    private static <R> List<R> all(StreamResult<R> result) {
        List<R> all = new ArrayList<>(result.finals());
        all.addAll(result.provisional());
        return all;
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void noFixesGiveNothing() {
        StreamResult<TimeSlice> result = slice(new Fixes(), Granularity.DAY);
        assertThat(all(result)).isEmpty();
        assertThat(result.resumeIndex()).isZero();
    }

    @Test
    void oneFixIsOneOpenSliceWithoutDwell() {
        Fixes fixes = new Fixes().add(1, at("2026-01-05T10:00:00Z"), LAT, LON, Double.NaN, Double.NaN);
        StreamResult<TimeSlice> result = slice(fixes, Granularity.DAY);
        assertThat(result.finals()).isEmpty();
        assertThat(result.provisional()).singleElement().satisfies(slice -> {
            assertThat(slice.fixCount()).isEqualTo(1);
            assertThat(slice.dwellMillis()).isZero();
            assertThat(slice.distanceMeters()).isZero();
            assertThat(slice.localStart()).isEqualTo(LocalDateTime.parse("2026-01-05T00:00"));
            assertThat(slice.zone()).isEqualTo(ZURICH);
            assertThat(slice.zoneSource()).isEqualTo(ZoneSource.USER);
            assertThat(slice.cell()).isEqualTo(CellVisits.cellOf(LAT, LON, RESOLUTION));
        });
        assertThat(result.resumeIndex()).isZero();
    }

    @Test
    void localMidnightInZurichCutsTheIntervalThatStraddlesIt() {
        // Every minute from 23:50:30 to 00:09:30 local time (UTC+1): midnight falls half-way between two fixes.
        Fixes fixes = new Fixes();
        long start = at("2026-01-05T22:50:30Z");
        for (int i = 0; i < 20; i++) {
            fixes.add(i, start + i * 60_000L, LAT, LON, Double.NaN, Double.NaN);
        }
        StreamResult<TimeSlice> result = slice(fixes, Granularity.DAY);

        assertThat(result.finals()).singleElement().satisfies(day -> {
            assertThat(day.localStart()).isEqualTo(LocalDateTime.parse("2026-01-05T00:00"));
            assertThat(day.fixCount()).isEqualTo(10);
            assertThat(day.dwellMillis()).isEqualTo(570_000);
        });
        assertThat(result.provisional()).singleElement().satisfies(day -> {
            assertThat(day.localStart()).isEqualTo(LocalDateTime.parse("2026-01-06T00:00"));
            assertThat(day.fixCount()).isEqualTo(10);
            assertThat(day.dwellMillis()).isEqualTo(30_000 + 540_000);
            assertThat(Instant.ofEpochMilli(day.bucketStartMillis())).isEqualTo(Instant.parse("2026-01-05T23:00:00Z"));
        });
        // The open day's rows begin with the first fix after midnight, whose interval's start they need.
        assertThat(result.resumeIndex()).isEqualTo(10);
        assertThat(result.contextIndex()).isEqualTo(9);
    }

    @Test
    void aFallBackDayHas25HourlySlicesAndASpringForwardDay23() {
        assertThat(hourlySlicesOfADay("2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")).hasSize(25)
                .filteredOn(slice -> slice.localStart().equals(LocalDateTime.parse("2026-10-25T02:00")))
                .hasSize(2);
        assertThat(hourlySlicesOfADay("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")).hasSize(23);
    }

    /** A fix every minute at one place from local midnight to the next: every hour holds 60 fixes and 3600 s. */
    private static List<TimeSlice> hourlySlicesOfADay(String midnight, String nextMidnight) {
        Fixes fixes = new Fixes();
        for (long t = at(midnight), id = 0; t <= at(nextMidnight); t += 60_000, id++) {
            fixes.add(id, t, LAT, LON, Double.NaN, Double.NaN);
        }
        List<TimeSlice> day = slice(fixes, Granularity.HOUR).finals();
        assertThat(day).allSatisfy(hour -> {
            assertThat(hour.fixCount()).isEqualTo(60);
            assertThat(hour.dwellMillis()).isEqualTo(3_600_000);
        });
        return day;
    }

    @Test
    void distanceAndDwellAreSharedAtAnHourBoundInProportionToTime() {
        // 10:55 and 11:05 local, 1 km apart: half of the interval in each hour, in the cell of the first fix.
        double[] east = Geodesy.destination(LAT, LON, 90, 1000);
        Fixes fixes = new Fixes()
                .add(1, at("2026-01-05T09:55:00Z"), LAT, LON, Double.NaN, Double.NaN)
                .add(2, at("2026-01-05T10:05:00Z"), east[0], east[1], Double.NaN, Double.NaN);
        List<TimeSlice> slices = all(slice(fixes, Granularity.HOUR));

        long cellA = CellVisits.cellOf(LAT, LON, RESOLUTION);
        long cellB = CellVisits.cellOf(east[0], east[1], RESOLUTION);
        assertThat(slices).hasSize(3);
        TimeSlice ten = find(slices, "2026-01-05T10:00", cellA);
        TimeSlice elevenA = find(slices, "2026-01-05T11:00", cellA);
        TimeSlice elevenB = find(slices, "2026-01-05T11:00", cellB);
        assertThat(ten.dwellMillis()).isEqualTo(300_000);
        assertThat(ten.distanceMeters()).isCloseTo(500, within(0.5));
        assertThat(elevenA.fixCount()).isZero();
        assertThat(elevenA.dwellMillis()).isEqualTo(300_000);
        assertThat(elevenA.distanceMeters()).isCloseTo(500, within(0.5));
        assertThat(elevenA.firstEvidenceMillis()).isEqualTo(at("2026-01-05T10:05:00Z"));
        assertThat(elevenB.fixCount()).isEqualTo(1);
        assertThat(elevenB.dwellMillis()).isZero();
    }

    @Test
    void aRecordingGapCountsNeitherDwellNorDistance() {
        double[] east = Geodesy.destination(LAT, LON, 90, 1000);
        Fixes fixes = new Fixes()
                .add(1, at("2026-01-05T09:00:00Z"), LAT, LON, Double.NaN, Double.NaN)
                .add(2, at("2026-01-05T09:15:01Z"), east[0], east[1], Double.NaN, Double.NaN);
        assertThat(all(slice(fixes, Granularity.HOUR))).hasSize(2).allSatisfy(slice -> {
            assertThat(slice.fixCount()).isEqualTo(1);
            assertThat(slice.dwellMillis()).isZero();
            assertThat(slice.distanceMeters()).isZero();
        });
    }

    @Test
    void fixesWithEqualTimesCountOnceEachAndTheirJumpGoesToTheFirst() {
        double[] east = Geodesy.destination(LAT, LON, 90, 1000);
        long t = at("2026-01-05T09:00:00Z");
        Fixes fixes = new Fixes()
                .add(1, t, LAT, LON, Double.NaN, Double.NaN)
                .add(2, t, east[0], east[1], Double.NaN, Double.NaN)
                .add(3, t + 60_000, east[0], east[1], Double.NaN, Double.NaN);
        List<TimeSlice> slices = all(slice(fixes, Granularity.DAY));
        TimeSlice first = find(slices, "2026-01-05T00:00", CellVisits.cellOf(LAT, LON, RESOLUTION));
        TimeSlice second = find(slices, "2026-01-05T00:00", CellVisits.cellOf(east[0], east[1], RESOLUTION));
        assertThat(first.fixCount()).isEqualTo(1);
        assertThat(first.dwellMillis()).isZero();
        assertThat(first.distanceMeters()).isCloseTo(1000, within(0.5));
        assertThat(second.fixCount()).isEqualTo(2);
        assertThat(second.dwellMillis()).isEqualTo(60_000);
    }

    @Test
    void aCellsFixesAndDwellSummedOverBucketsAreGridCellsOwn() {
        Fixes fixes = threeDays(7).fixes();
        for (Granularity granularity : Granularity.values()) {
            Map<Long, long[]> perCell = new HashMap<>();
            Map<Long, Long> perBucket = new HashMap<>();
            for (TimeSlice slice : all(slice(fixes, granularity))) {
                long[] sums = perCell.computeIfAbsent(slice.cell(), cell -> new long[2]);
                sums[0] += slice.fixCount();
                sums[1] += slice.dwellMillis();
                perBucket.merge(slice.bucketStartMillis(), slice.dwellMillis(), Long::sum);
                assertThat(perBucket.get(slice.bucketStartMillis()))
                        .isLessThanOrEqualTo(slice.bucketEndMillis() - slice.bucketStartMillis());
            }
            List<CellSummary> grid = CellSummaries.aggregate(all(CellVisits.detect(fixes,
                    SkillParams.defaults(GridParams.class))));
            assertThat(perCell).as(granularity.name()).hasSize(grid.size());
            for (CellSummary cell : grid) {
                assertThat(perCell.get(cell.cell())).as(granularity + " cell " + cell.cell())
                        .containsExactly(cell.fixCount(), cell.dwellMillis());
            }
        }
    }

    @Test
    void zonesAtTheFixDefineTheBucketsAcrossTheAntimeridian() {
        // Fiji (UTC+12) west of the date line, American Samoa (UTC-11) east of it: crossing it eastwards at 00:3x on
        // 2 July in Fiji, the local date goes back to 1 July, a different span of time.
        TimeSlices.Zones pacific = (lat, lon) -> new LocalZone(ZoneId.of(lon > 0 ? "Pacific/Fiji"
                : "Pacific/Pago_Pago"), ZoneSource.LOCATION);
        Fixes fixes = SyntheticTrack.startingAt(Instant.parse("2026-07-01T12:30:00Z"), -17, 179.99, 3)
                .sampleEvery(Duration.ofSeconds(60)).move(90, 3000, 20).fixes();
        List<TimeSlice> slices = all(TimeSlices.slice(fixes, 0, RESOLUTION, params(Granularity.DAY), pacific));

        assertThat(slices).extracting(TimeSlice::zone).contains(ZoneId.of("Pacific/Fiji"),
                ZoneId.of("Pacific/Pago_Pago"));
        assertThat(slices).filteredOn(slice -> slice.zone().getId().equals("Pacific/Fiji"))
                .extracting(TimeSlice::localStart).containsOnly(LocalDateTime.parse("2026-07-02T00:00"));
        assertThat(slices).filteredOn(slice -> slice.zone().getId().equals("Pacific/Pago_Pago"))
                .extracting(TimeSlice::localStart).containsOnly(LocalDateTime.parse("2026-07-01T00:00"));
        double total = slices.stream().mapToDouble(TimeSlice::distanceMeters).sum();
        // Nine fixes a minute apart at 20 km/h: 8 minutes, 2667 m, the short way across the date line.
        assertThat(total).isCloseTo(8 * 60 * 20 / 3.6, within(5.0));
    }

    @Test
    void chunkedCallsEqualOneCallForEveryGranularityAcrossZonesGapsAndEqualTimes() {
        TimeSlices.Zones twoZones = (lat, lon) -> lon < -30
                ? new LocalZone(ZoneId.of("America/New_York"), ZoneSource.LOCATION)
                : new LocalZone(ZURICH, ZoneSource.LOCATION);
        Random random = new Random(11);
        for (int seed = 0; seed < 6; seed++) {
            Fixes fixes = withRepeatedTimes(flight(seed), random);
            for (Granularity granularity : Granularity.values()) {
                for (int gapSeconds : new int[] {900, 86_400}) {
                    TimeSliceParams params = new TimeSliceParams(granularity, gapSeconds, ZoneOffset.UTC);
                    ChunkedRun.Analysis<TimeSlice> alone =
                            (chunk, from) -> TimeSlices.slice(chunk, from, RESOLUTION, params, twoZones);
                    List<TimeSlice> whole = ChunkedRun.whole(fixes, alone);
                    assertThat(whole).isNotEmpty();
                    for (int round = 0; round < 3; round++) {
                        int[] cuts = cuts(fixes.size(), random);
                        assertThat(ChunkedRun.inChunks(fixes, cuts, alone))
                                .as("calls alone: seed %d, %s, gap %d s", seed, granularity, gapSeconds)
                                .isEqualTo(whole);
                        // One instance, as the runtime uses it: each call carries the one before on.
                        TimeSlices carrying = new TimeSlices(RESOLUTION, params, twoZones);
                        assertThat(ChunkedRun.inChunks(fixes, cuts, carrying::analyze))
                                .as("calls carried on: seed %d, %s, gap %d s", seed, granularity, gapSeconds)
                                .isEqualTo(whole);
                    }
                }
            }
        }
    }

    /** Three days of stays and moves in Zurich over a DST change, with a recording gap. */
    private static SyntheticTrack threeDays(long seed) {
        SyntheticTrack track = SyntheticTrack.startingAt(Instant.parse("2026-10-24T20:13:00Z"), LAT, LON, seed)
                .sampleEvery(Duration.ofSeconds(30));
        for (int day = 0; day < 3; day++) {
            track.stay(Duration.ofHours(9), 10).move(45, 4000, 30).stay(Duration.ofHours(8), 10)
                    .gap(Duration.ofMinutes(40)).move(225, 4000, 15).stay(Duration.ofMinutes(50), 10);
        }
        return track;
    }

    /** Zurich, a flight to New York over a week's end, a stay there; sampled coarsely to keep the test fast. */
    private static Fixes flight(long seed) {
        return SyntheticTrack.startingAt(Instant.parse("2026-03-28T21:47:00Z").plusSeconds(seed * 3917), LAT, LON,
                        seed)
                .sampleEvery(Duration.ofSeconds(97 + seed * 13))
                .stay(Duration.ofHours(5 + seed), 15).move(80, 3000, 20).gap(Duration.ofMinutes(20 + seed * 7))
                .move(280, 6_300_000, 850).stay(Duration.ofHours(30), 15).gap(Duration.ofHours(3))
                .stay(Duration.ofHours(4), 15).fixes();
    }

    /** A copy where some fixes repeat their predecessor's time. */
    private static Fixes withRepeatedTimes(Fixes fixes, Random random) {
        Fixes copy = new Fixes(fixes.size());
        for (int i = 0; i < fixes.size(); i++) {
            long time = i > 0 && random.nextInt(10) == 0 ? copy.time(i - 1) : fixes.time(i);
            copy.add(fixes.id(i), time, fixes.lat(i), fixes.lon(i), Double.NaN, Double.NaN);
        }
        return copy;
    }

    private static int[] cuts(int size, Random random) {
        int count = 1 + random.nextInt(12);
        return random.ints(count, 1, size).sorted().toArray();
    }

    private static TimeSlice find(List<TimeSlice> slices, String localStart, long cell) {
        return slices.stream().filter(slice -> slice.localStart().equals(LocalDateTime.parse(localStart))
                && slice.cell() == cell).findFirst().orElseThrow(() -> new AssertionError("no slice at "
                + localStart + " in " + cell + ": " + slices));
    }
}
