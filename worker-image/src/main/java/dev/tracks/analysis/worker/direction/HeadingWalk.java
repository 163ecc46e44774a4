package dev.tracks.analysis.worker.direction;

import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The directional_bias skill over one user's fixes in time order, one fix at a time (no allocation per fix): the
 * user's steps ({@link StepFinder} with minStepMeters, restarting after a recording gap longer than maxGapSeconds)
 * summed into the user's scope, and the steps within each trip (both ends between the trip's start and end; a trip
 * starts its own steps at its first fix) into the trip's scope ({@link HeadingSums}). Every trip with a fix has a
 * row, with no steps when it never moved minStepMeters; the user has a row when there is a fix.
 */
final class HeadingWalk implements UserFixes.FixConsumer {

    private final List<TripSpan> trips;
    private final long maxGapMillis;
    private final StepFinder userSteps;
    private final StepFinder tripSteps;
    private final HeadingSums user = new HeadingSums();
    private final List<DirectionalBias> tripResults = new ArrayList<>();
    private HeadingSums trip;
    private int tripIndex;
    private int openTrip = -1;
    private long firstMillis;
    private long lastMillis = Long.MIN_VALUE;

    /** @param trips the user's trips in time order */
    HeadingWalk(List<TripSpan> trips, DirectionParams params) {
        this.trips = trips;
        this.maxGapMillis = params.maxGapSeconds() * 1000L;
        this.userSteps = new StepFinder(params.minStepMeters());
        this.tripSteps = new StepFinder(params.minStepMeters());
    }

    @Override
    public void accept(long epochMillis, double lat, double lon) {
        if (lastMillis == Long.MIN_VALUE) {
            firstMillis = epochMillis;
        } else if (epochMillis - lastMillis > maxGapMillis) {
            userSteps.reset();
            tripSteps.reset();
        }
        lastMillis = epochMillis;
        if (userSteps.offer(lat, lon)) {
            user.add(userSteps.meters(), userSteps.bearing());
        }
        while (tripIndex < trips.size() && trips.get(tripIndex).endMillis() < epochMillis) {
            tripIndex++;
        }
        if (tripIndex < trips.size() && trips.get(tripIndex).startMillis() <= epochMillis) {
            if (openTrip != tripIndex) {
                closeTrip();
                openTrip = tripIndex;
                trip = new HeadingSums();
                tripSteps.reset();
            }
            if (tripSteps.offer(lat, lon)) {
                trip.add(tripSteps.meters(), tripSteps.bearing());
            }
        } else {
            closeTrip();
        }
    }

    private void closeTrip() {
        if (trip != null) {
            TripSpan span = trips.get(openTrip);
            tripResults.add(trip.result(span.id(), span.startMillis(), span.endMillis()));
            trip = null;
            openTrip = -1;
        }
    }

    /** The user's row, then the trips' in time order; none without fixes. */
    List<DirectionalBias> results() {
        closeTrip();
        List<DirectionalBias> results = new ArrayList<>();
        if (lastMillis != Long.MIN_VALUE) {
            results.add(user.result(null, firstMillis, lastMillis));
            results.addAll(tripResults);
        }
        return results;
    }
}
