package dev.tracks.analysis.worker.trip;

/**
 * Parameters of the trip_construction skill, bound by name from the skill catalog ({@code BehaviorSkills}).
 *
 * @param activityThresholdMinutes a stay is an activity when it lasts strictly longer than this (trackintel
 *     {@code create_activity_flag(time_threshold=15)})
 * @param gapThresholdMinutes a time without fixes longer than this ends a tripleg and a trip (trackintel
 *     {@code generate_triplegs(gap_threshold=15)}, {@code generate_trips(gap_threshold=15)})
 */
public record TripParams(double activityThresholdMinutes, double gapThresholdMinutes) {

    double gapMillis() {
        return gapThresholdMinutes * 60_000;
    }

    /** trackintel's activity flag: duration strictly greater than the threshold. */
    boolean isActivity(StayInterval stay) {
        return stay.endMillis() - stay.startMillis() > activityThresholdMinutes * 60_000;
    }
}
