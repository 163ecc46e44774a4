package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream analysis with one result per trip (rendering, altitude profiles): each trip that starts at or after fix
 * {@code from} and within the fixes read so far, over its fixes; a trip that ends before the last fix is final, the
 * open one provisional, and its first fix is the resume and context index (the first fix at or after a time never
 * lies inside a group of equal times).
 */
public final class PerTrip {

    /** The result of one trip over its fixes {@code [first, end)}. */
    @FunctionalInterface
    public interface TripResult<R> {
        R of(TripSpan trip, Fixes fixes, int first, int end);
    }

    private PerTrip() {
    }

    public static <R> StreamResult<R> analyze(Fixes fixes, int from, List<TripSpan> trips, TripResult<R> result) {
        List<R> finals = new ArrayList<>();
        List<R> provisional = new ArrayList<>();
        int resume = fixes.size();
        if (from >= fixes.size()) {
            return new StreamResult<>(finals, provisional, resume, resume);
        }
        long firstTime = fixes.time(from);
        long lastTime = fixes.time(fixes.size() - 1);
        for (TripSpan trip : trips) {
            if (trip.startMillis() < firstTime || trip.startMillis() > lastTime) {
                continue;
            }
            int first = fixes.firstAtOrAfter(from, trip.startMillis());
            int end = fixes.firstAtOrAfter(first, trip.endMillis() + 1);
            if (end == first) {
                continue;
            }
            R one = result.of(trip, fixes, first, end);
            if (trip.endMillis() < lastTime) {
                finals.add(one);
            } else {
                provisional.add(one);
                resume = Math.min(resume, first);
            }
        }
        return new StreamResult<>(finals, provisional, resume, resume);
    }
}
