package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link TripConstruction} as the runtime does: in chunks, carrying fixes over from each call's contextIndex and
 * passing only the stays and segments the runtime contract asks for.
 */
record ChunkedTrips(List<Tripleg> triplegs, List<Trip> trips) {

    /** Finals of all calls, then the last call's provisionals, with the fixes cut before each index of {@code cuts}. */
    static ChunkedTrips run(Fixes all, int[] cuts, List<StayInterval> stays, List<ModeInterval> modes) {
        TripParams params = SkillParams.defaults(TripParams.class);
        List<Tripleg> triplegs = new ArrayList<>();
        List<Trip> trips = new ArrayList<>();
        Fixes carried = new Fixes();
        int from = 0;
        int next = 0;
        TripConstruction.Result last = null;
        for (int c = 0; c <= cuts.length; c++) {
            int end = c < cuts.length ? cuts[c] : all.size();
            while (next < end) {
                carried.add(all, next++);
            }
            last = TripConstruction.construct(carried, from, staysFor(carried, stays, params),
                    modesFor(carried, modes), params);
            triplegs.addAll(last.triplegs().finals());
            trips.addAll(last.trips().finals());
            carried.dropBefore(last.trips().contextIndex());
            from = last.trips().resumeIndex() - last.trips().contextIndex();
        }
        triplegs.addAll(last.triplegs().provisional());
        trips.addAll(last.trips().provisional());
        return new ChunkedTrips(triplegs, trips);
    }

    /** Stays ending at or after the first fix's time minus the gap threshold; all stays if there is no fix. */
    private static List<StayInterval> staysFor(Fixes fixes, List<StayInterval> stays, TripParams params) {
        if (fixes.isEmpty()) {
            return stays;
        }
        long earliestEnd = fixes.time(0) - (long) (params.gapThresholdMinutes() * 60_000);
        return stays.stream().filter(stay -> stay.endMillis() >= earliestEnd).toList();
    }

    /** Segments overlapping the fixes' time range. */
    private static List<ModeInterval> modesFor(Fixes fixes, List<ModeInterval> modes) {
        if (fixes.isEmpty()) {
            return List.of();
        }
        long first = fixes.time(0);
        long last = fixes.time(fixes.size() - 1);
        return modes.stream().filter(mode -> mode.endMillis() >= first && mode.startMillis() <= last).toList();
    }
}
