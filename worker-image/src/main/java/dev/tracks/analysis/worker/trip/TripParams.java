package dev.tracks.analysis.worker.trip;

/**
 * Parameters of the trip_construction skill, named and defaulted as in the skill catalog ({@code BehaviorSkills}).
 *
 * @param activityThresholdMinutes a stay is an activity when it lasts strictly longer than this (trackintel
 *     {@code create_activity_flag(time_threshold=15)})
 * @param gapThresholdMinutes a time without fixes longer than this ends a tripleg and a trip (trackintel
 *     {@code generate_triplegs(gap_threshold=15)}, {@code generate_trips(gap_threshold=15)})
 */
public record TripParams(double activityThresholdMinutes, double gapThresholdMinutes) {

    public TripParams {
        if (!(activityThresholdMinutes >= 0) || !(gapThresholdMinutes > 0)) {
            throw new IllegalArgumentException("need activityThresholdMinutes >= 0 and gapThresholdMinutes > 0, got "
                    + activityThresholdMinutes + ", " + gapThresholdMinutes);
        }
    }

    /** The catalog defaults: 15 min, 15 min. */
    public static TripParams defaults() {
        return new TripParams(15, 15);
    }

    double gapMillis() {
        return gapThresholdMinutes * 60_000;
    }

    /** trackintel's activity flag: duration strictly greater than the threshold. */
    boolean isActivity(StayInterval stay) {
        return stay.endMillis() - stay.startMillis() > activityThresholdMinutes * 60_000;
    }
}
