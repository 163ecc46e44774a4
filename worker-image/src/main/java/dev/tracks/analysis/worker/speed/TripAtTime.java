package dev.tracks.analysis.worker.speed;

import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.util.List;

/** Which trip a moment falls in, over a user's trips in time order (they do not overlap): a binary search. */
final class TripAtTime {

    private final List<TripSpan> trips;

    TripAtTime(List<TripSpan> trips) {
        this.trips = trips;
    }

    /** The trip whose span, ends included, holds {@code millis}; null when none does. */
    Long at(long millis) {
        int low = 0;
        int high = trips.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (trips.get(middle).startMillis() <= millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low == 0) {
            return null;
        }
        TripSpan trip = trips.get(low - 1);
        return millis <= trip.endMillis() ? trip.id() : null;
    }
}
