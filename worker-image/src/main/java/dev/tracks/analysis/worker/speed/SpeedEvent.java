package dev.tracks.analysis.worker.speed;

/**
 * One interval of fast or slow movement, from its first to its last fix.
 *
 * @param firstFixId the id of the event's first fix, which identifies the event
 * @param distanceMeters great-circle distance summed over the event's steps
 * @param maxSpeedKmh the fastest of the event's steps
 * @param fixCount the fixes from the first to the last, both included
 * @param tripId the trip whose time span holds the event's start; null outside any trip or before it is looked up
 */
public record SpeedEvent(SpeedKind kind, long firstFixId, long startMillis, long endMillis, double distanceMeters,
        double maxSpeedKmh, int fixCount, Long tripId) {

    public double durationSeconds() {
        return (endMillis - startMillis) / 1000.0;
    }

    /** Distance over duration, in km/h (an event lasts at least one second). */
    public double meanSpeedKmh() {
        return distanceMeters / durationSeconds() * 3.6;
    }

    public SpeedEvent inTrip(Long trip) {
        return new SpeedEvent(kind, firstFixId, startMillis, endMillis, distanceMeters, maxSpeedKmh, fixCount, trip);
    }
}
