package dev.tracks.analysis.worker.trip;

/**
 * A stay as trip construction needs it, in trackintel's convention: the fixes with times in
 * {@code [startMillis, endMillis)} belong to it, and {@code endMillis} is the time of the first fix after it.
 *
 * @param id the stay's stored id, reported as a trip's origin or destination
 * @param startMillis time of the stay's first fix
 * @param endMillis time of the first fix after the stay
 */
public record StayInterval(long id, long startMillis, long endMillis) {

    public StayInterval {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("stay " + id + " ends before it starts");
        }
    }
}
