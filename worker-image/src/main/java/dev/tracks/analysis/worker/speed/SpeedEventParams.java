package dev.tracks.analysis.worker.speed;

/**
 * Parameters of speed_events, bound by name from the skill catalog ({@code BehaviorSkills}), which also requires
 * {@code speedFloorKmh < speedThresholdKmh}.
 *
 * @param speedThresholdKmh a fast event starts with a step between fixes faster than this
 * @param speedFloorKmh a slow event starts with a step slower than this; 0 finds none
 * @param hysteresisKmh a fast event ends only at a step more than this below the threshold, a slow one only at a step
 *     more than this above the floor
 * @param minDurationSeconds shortest event reported, from its first to its last fix
 * @param maxGapSeconds a longer step between fixes ends an event and never starts one
 */
public record SpeedEventParams(double speedThresholdKmh, double speedFloorKmh, double hysteresisKmh,
        int minDurationSeconds, int maxGapSeconds) {
}
