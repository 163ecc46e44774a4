package dev.tracks.analysis.worker.mode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fine class rules, including what the evaluation on real traces taught (docs/evaluation.md). */
class FineModeTest {

    /** Features of a smooth ride: no turns, no stops, steady speed, no signal loss; speeds and accel as given. */
    private static SegmentFeatures ride(double median, double p95, double accelP95) {
        return new SegmentFeatures(median, p95, 0, 10, 0, 0, accelP95, 0.05, 20_000, Double.NaN, Double.NaN, 0.03, 0);
    }

    /** A street vehicle's features: turns at junctions and red lights at irregular spacing. */
    private static SegmentFeatures streets(double median, double p95) {
        return new SegmentFeatures(median, p95, 1.8, 200, 1.2, 5, 0.45, 0.1, 450, 0.8, 0.5, 0.13, 0);
    }

    /** A metro's features: stations 1.5-2 km apart at regular spacing, no turns, steady line speed. */
    private static SegmentFeatures metro(double median, double p95) {
        return new SegmentFeatures(median, p95, 0.1, 50, 0.5, 1, 0.65, 0.1, 1800, 0.15, 0.3, 0.06, 0);
    }

    @Test
    void sustainedSpeedsDecideWalkBicycleAndFlight() {
        assertThat(FineMode.of(ride(4.8, 6.1, 0.1))).isEqualTo(FineMode.WALK);
        assertThat(FineMode.of(ride(17, 24, 0.2))).isEqualTo(FineMode.BICYCLE);
        assertThat(FineMode.of(ride(780, 860, 0.5))).isEqualTo(FineMode.AIRPLANE);
        assertThat(FineMode.of(SegmentFeatures.NONE)).isEqualTo(FineMode.UNKNOWN);
    }

    @Test
    void aCyclistDoesNotAccelerateLikeAMotorVehicle() {
        assertThat(FineMode.of(ride(17, 24, 0.45))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(ride(17, 24, Double.NaN))).isEqualTo(FineMode.BICYCLE);
        assertThat(FineMode.of(ride(20, 32, 0.2))).isEqualTo(FineMode.ROAD_VEHICLE);
    }

    @Test
    void fasterThanRoadTrafficIsRail() {
        assertThat(FineMode.of(streets(120, 160))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(streets(45, 150))).isEqualTo(FineMode.ROAD_VEHICLE);
    }

    @Test
    void stationsAtRegularKilometreSpacingWithoutTurnsAreRail() {
        assertThat(FineMode.of(metro(45, 70))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(streets(45, 70))).isEqualTo(FineMode.ROAD_VEHICLE);
        SegmentFeatures busStops = new SegmentFeatures(18, 45, 0.1, 50, 2.5, 8, 0.45, 0.1, 400, 0.3, 0.3, 0.08, 0);
        assertThat(FineMode.of(busStops)).isEqualTo(FineMode.ROAD_VEHICLE);
    }

    @Test
    void aNonStopRunAbove100KmhNeedsATrainsSteadySpeedAndNoTurn() {
        assertThat(FineMode.of(ride(125, 130, 0.5))).isEqualTo(FineMode.RAIL);
        SegmentFeatures highway = new SegmentFeatures(105, 125, 0.2, 20, 0, 1, 0.5, 0.1, 30_000, Double.NaN,
                Double.NaN, 0.07, 0);
        assertThat(FineMode.of(highway)).isEqualTo(FineMode.ROAD_VEHICLE);
    }

    @Test
    void aRideThatLostTheSignalAtSpeedIsRail() {
        SegmentFeatures underground = new SegmentFeatures(35, 35, 0, 0, 0, 0, Double.NaN, Double.NaN, 8000,
                Double.NaN, Double.NaN, 0, 1);
        assertThat(FineMode.of(underground)).isEqualTo(FineMode.RAIL);
    }

    @Test
    void aSpikeInTheHighPercentileAloneMakesNoTrainOrPlane() {
        // GeoLife user 002: a 1.3 km GPS spike after a signal gap inside a slow segment.
        assertThat(FineMode.of(streets(7.8, 1244))).isNotIn(FineMode.AIRPLANE, FineMode.RAIL);
        assertThat(FineMode.of(streets(22.6, 150))).isNotEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(streets(3.1, 141))).isNotEqualTo(FineMode.RAIL);
    }

    /** A metro's features with one field replaced, by its record component name. */
    private static SegmentFeatures metroWith(String field, double value) {
        SegmentFeatures m = metro(45, 70);
        return new SegmentFeatures(m.medianKmh(), m.p95Kmh(), field.equals("turns") ? value : m.turnsPerKm(),
                m.curvatureDegPerKm(), m.stopsPerKm(), m.velocityChangeRate(), m.accelP95(), m.jerkP95(),
                field.equals("spacing") ? value : m.stopSpacingMedianMeters(),
                field.equals("spacingCv") ? value : m.stopSpacingCv(), m.dwellCv(),
                field.equals("plateau") ? value : m.plateauCv(), field.equals("loss") ? value : m.signalLossShare());
    }

    @Test
    void eachThresholdDecidesAtItsBoundary() {
        assertThat(FineMode.of(ride(6.9, 9.9, 0.1))).isEqualTo(FineMode.WALK);
        assertThat(FineMode.of(ride(6.9, 10, 0.1))).isEqualTo(FineMode.BICYCLE);
        assertThat(FineMode.of(ride(20, 29.9, 0.29))).isEqualTo(FineMode.BICYCLE);
        assertThat(FineMode.of(ride(20, 29.9, 0.3))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(streets(50, 140))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(streets(49.9, 140))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(metroWith("turns", 0.49))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(metroWith("turns", 0.5))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(metroWith("spacing", 800))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(metroWith("spacing", 799))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(metroWith("spacingCv", 0.5))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(metroWith("spacingCv", 0.51))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(metroWith("plateau", 0.1))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(metroWith("plateau", 0.11))).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(ride(100, 100, 0.5))).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(ride(99, 99.9, 0.5))).isEqualTo(FineMode.ROAD_VEHICLE);
        SegmentFeatures slowStreets = streets(18, 40);
        assertThat(FineMode.of(new SegmentFeatures(18, 40, 1.8, 200, 1.2, 5, 0.45, 0.1, 450, 0.8, 0.5, 0.13, 0.3)))
                .isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(new SegmentFeatures(18, 40, 1.8, 200, 1.2, 5, 0.45, 0.1, 450, 0.8, 0.5, 0.13, 0.29)))
                .isEqualTo(FineMode.of(slowStreets)).isEqualTo(FineMode.ROAD_VEHICLE);
    }
}
