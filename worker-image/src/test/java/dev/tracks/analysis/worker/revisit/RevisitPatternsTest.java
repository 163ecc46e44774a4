package dev.tracks.analysis.worker.revisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RevisitPatternsTest {

    private static final long HOUR = 3_600_000L;
    /** Monday 2026-03-02 00:00 UTC. */
    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    private static final List<VisitedPlace> PLACES = List.of(new VisitedPlace(0, 47.0, 8.0),
            new VisitedPlace(1, 47.1, 8.1), new VisitedPlace(2, 46.9, 8.2), new VisitedPlace(3, 47.2, 7.9));

    /** Four locations, nine visits, hours after T0: A 8, 18, 44, 80; B 12, 60; C 33, 65; D 63. Shuffled. */
    private static List<Visit> nineVisits() {
        List<Visit> visits = new ArrayList<>(List.of(visit(8, 0), visit(12, 1), visit(18, 0), visit(33, 2),
                visit(44, 0), visit(60, 1), visit(63, 3), visit(65, 2), visit(80, 0)));
        Collections.shuffle(visits, new Random(7));
        return visits;
    }

    private static Visit visit(double hours, int location) {
        return new Visit(T0 + Math.round(hours * HOUR), location);
    }

    @Test
    void fourLocationsAndNineVisitsGiveTheHandComputedRanksReturnTimesAndGrowth() {
        Revisits revisits = RevisitPatterns.analyze(PLACES, nineVisits(), 1, ZoneOffset.UTC);

        // Visits: A 4, B 2, C 2, D 1. Frequency: A first; B and C tie at 2 and go by latitude (C at 46.9 before B at
        // 47.1, skmob's groupby order); D last. Recency from the latest visit: A (80 h), C (65), D (63), B (60).
        // Return times start to start: A 10, 26, 36 h (median 26); B 48; C 32; D none. Days (UTC): A on days 0, 0,
        // 1, 3; B 0, 2; C 1, 2; D 2.
        assertThat(revisits.locations()).containsExactly(
                new LocationRevisits(0, 4, 3, T0 + 8 * HOUR, T0 + 80 * HOUR, 26.0, 1, 1),
                new LocationRevisits(1, 2, 2, T0 + 12 * HOUR, T0 + 60 * HOUR, 48.0, 3, 4),
                new LocationRevisits(2, 2, 2, T0 + 33 * HOUR, T0 + 65 * HOUR, 32.0, 2, 2),
                new LocationRevisits(3, 1, 1, T0 + 63 * HOUR, T0 + 63 * HOUR, Double.NaN, 4, 3));
        // S(t): A B A C A B D C A -> 1 2 2 3 3 3 4 4 4, hours since the first visit at 8 h
        assertThat(revisits.growth()).extracting(GrowthStep::distinctLocations)
                .containsExactly(1, 2, 2, 3, 3, 3, 4, 4, 4);
        assertThat(revisits.growth()).extracting(GrowthStep::hoursSinceFirst)
                .containsExactly(0.0, 4.0, 10.0, 25.0, 36.0, 52.0, 55.0, 57.0, 72.0);
        assertThat(revisits.growth()).extracting(GrowthStep::locationId).containsExactly(0, 1, 0, 2, 0, 1, 3, 2, 0);
        assertThat(revisits.growth()).extracting(GrowthStep::visitIndex).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void minVisitsDropsRowsButNotRanksNorGrowth() {
        Revisits revisits = RevisitPatterns.analyze(PLACES, nineVisits(), 2, ZoneOffset.UTC);

        assertThat(revisits.locations()).extracting(LocationRevisits::locationId).containsExactly(0, 1, 2);
        assertThat(revisits.locations()).extracting(LocationRevisits::frequencyRank).containsExactly(1, 3, 2);
        assertThat(revisits.locations()).extracting(LocationRevisits::recencyRank).containsExactly(1, 4, 2);
        assertThat(revisits.growth()).hasSize(9);
        assertThat(RevisitPatterns.analyze(PLACES, nineVisits(), 5, ZoneOffset.UTC).locations()).isEmpty();
    }

    @Test
    void distinctDaysAreLocalDaysOfTheUsersZone() {
        // In Tokyo (UTC+9) A's visits at 8, 18, 44 and 80 h fall on four local dates: Mar 2 17:00, Mar 3 03:00,
        // Mar 4 05:00, Mar 5 17:00.
        Revisits revisits = RevisitPatterns.analyze(PLACES, nineVisits(), 1, ZoneId.of("Asia/Tokyo"));

        assertThat(revisits.locations().get(0).days()).isEqualTo(4);
    }

    @Test
    void aDailyRoutineReturnsEveryTwentyFourHours() {
        // Gonzalez et al.: the return time peaks at 24 h. Home at 19:00 every day for a week, whatever the stay's
        // length, and work at 08:00 on weekdays (the weekend gives one return of 72 h among four of 24 h).
        List<Visit> visits = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            visits.add(visit(day * 24 + 19, 0));
            if (day < 5) {
                visits.add(visit(day * 24 + 8, 1));
            }
        }
        visits.add(visit(7 * 24 + 8, 1));
        Revisits revisits = RevisitPatterns.analyze(PLACES, visits, 2, ZoneOffset.UTC);

        assertThat(revisits.locations()).extracting(LocationRevisits::medianReturnHours).containsExactly(24.0, 24.0);
        assertThat(revisits.locations()).extracting(LocationRevisits::days).containsExactly(7, 6);
    }

    @Test
    void noVisitsGiveNothingAndOneLocationRanksFirstEverywhere() {
        assertThat(RevisitPatterns.analyze(PLACES, List.of(), 1, ZoneOffset.UTC))
                .isEqualTo(new Revisits(List.of(), List.of()));
        assertThat(RevisitPatterns.analyze(List.of(), List.of(), 1, ZoneOffset.UTC))
                .isEqualTo(new Revisits(List.of(), List.of()));

        Revisits one = RevisitPatterns.analyze(PLACES, List.of(visit(5, 2), visit(30, 2), visit(29, 2)), 1,
                ZoneOffset.UTC);
        assertThat(one.locations()).containsExactly(
                new LocationRevisits(2, 3, 2, T0 + 5 * HOUR, T0 + 30 * HOUR, 12.5, 1, 1));
        assertThat(one.growth()).extracting(GrowthStep::distinctLocations).containsExactly(1, 1, 1);
    }

    @Test
    void equalVisitCountsRankByLatitudeThenLongitude() {
        List<VisitedPlace> sameLatitude = List.of(new VisitedPlace(0, 47.0, 8.3),
                new VisitedPlace(1, 47.0, 8.1), new VisitedPlace(2, 46.0, 9.0));
        Revisits revisits = RevisitPatterns.analyze(sameLatitude, List.of(visit(1, 0), visit(2, 1), visit(3, 2)), 1,
                ZoneOffset.UTC);

        assertThat(revisits.locations()).extracting(LocationRevisits::frequencyRank).containsExactly(3, 2, 1);
        assertThat(revisits.locations()).extracting(LocationRevisits::recencyRank).containsExactly(3, 2, 1);
    }

    @Test
    void aVisitAtAnUnknownLocationIsRejectedNamingIt() {
        assertThatThrownBy(() -> RevisitPatterns.analyze(PLACES, List.of(visit(1, 9)), 1, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("location 9");
    }
}
