package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trip_construction skill, with trackintel's semantics and defaults: {@code generate_triplegs(
 * method="between_staypoints", gap_threshold=15)} ({@link Triplegs}), {@code create_activity_flag(
 * method="time_threshold", time_threshold=15)} (a stay is an activity when it lasts strictly longer,
 * {@link TripParams#isActivity}) and {@code generate_trips(gap_threshold=15)} ({@link Trips}); each tripleg takes the
 * mode of the movement segment overlapping it longest.
 *
 * <p>Streaming ({@link StreamResult}): the trip still open at the end of the data (no activity or gap after it) is
 * provisional, and so are its triplegs and a trailing run of one fix that may grow into a tripleg.
 * {@code resumeIndex} is the first fix of that open part (the first fix at or after the start of its first stay or
 * tripleg) and equals {@code contextIndex}: the next call needs no earlier fix, because what precedes an open trip is
 * either a gap (origin absent) or an activity stay, which comes from the stay list.
 *
 * <p>What the runtime must pass: the fixes from the previous contextIndex on, in time order; the user's stays that end
 * at or after the first fix's time minus gapThresholdMinutes (stays starting after the last fix are ignored: the
 * next call sees them), each final (a stay that stay detection may still change must not be passed, nor fixes beyond
 * stay detection's resume fix); the movement segments overlapping the fixes' time range, equally settled (fixes
 * beyond transport_mode's resume fix would get labels that may still change).
 * Results before {@code from} are not reported again.
 */
public final class TripConstruction {

    /** The triplegs and the trips of one call; both share resumeIndex and contextIndex. */
    public record Result(StreamResult<Tripleg> triplegs, StreamResult<Trip> trips) {
    }

    private TripConstruction() {
    }

    /**
     * Builds triplegs and trips from one user's clean fixes, stays and movement segments.
     *
     * @param from the first fix not analyzed yet: 0, or the previous call's resumeIndex minus its contextIndex
     */
    public static Result construct(Fixes fixes, int from, List<StayInterval> stays, List<ModeInterval> modes,
            TripParams params) {
        long lastTime = fixes.isEmpty() ? Long.MIN_VALUE : fixes.time(fixes.size() - 1);
        List<StayInterval> staysByStart = stays.stream().filter(stay -> stay.startMillis() <= lastTime)
                .sorted(Comparator.comparingLong(StayInterval::startMillis)).toList();
        List<ModeInterval> modesByStart = modes.stream()
                .sorted(Comparator.comparingLong(ModeInterval::startMillis)).toList();
        List<Triplegs.Run> runs = Triplegs.runs(fixes, staysByStart, params.gapMillis());
        List<Trips.Item> items = items(fixes, runs, staysByStart, modesByStart, params);
        List<Trips.Group> groups = Trips.groups(items, params.gapMillis());

        int resume = resumeIndex(fixes.size(), runs, groups);
        List<Tripleg> finalLegs = new ArrayList<>();
        List<Tripleg> openLegs = new ArrayList<>();
        for (Trips.Item item : items) {
            if (item.tripleg() != null && item.firstFix() >= from) {
                (item.firstFix() < resume ? finalLegs : openLegs).add(item.tripleg());
            }
        }
        List<Trip> finalTrips = new ArrayList<>();
        List<Trip> openTrips = new ArrayList<>();
        for (Trips.Group group : groups) {
            if (group.hasTripleg() && group.items().get(0).firstFix() >= from) {
                (group.closed() ? finalTrips : openTrips).add(group.trip());
            }
        }
        return new Result(new StreamResult<>(finalLegs, openLegs, resume, resume),
                new StreamResult<>(finalTrips, openTrips, resume, resume));
    }

    private static List<Trips.Item> items(Fixes fixes, List<Triplegs.Run> runs, List<StayInterval> staysByStart,
            List<ModeInterval> modesByStart, TripParams params) {
        List<Trips.Item> legs = new ArrayList<>();
        int modeCursor = 0;
        for (Triplegs.Run run : runs) {
            if (run.fixCount() < 2) {
                continue;
            }
            long start = fixes.time(run.first());
            while (modeCursor < modesByStart.size() && modesByStart.get(modeCursor).endMillis() <= start) {
                modeCursor++;
            }
            Tripleg leg = Triplegs.tripleg(fixes, run, modesByStart.subList(modeCursor, modesByStart.size()));
            legs.add(new Trips.Item(leg.startMillis(), leg.endMillis(), run.first(), null, false, leg));
        }
        List<Trips.Item> items = new ArrayList<>(legs.size() + staysByStart.size());
        int leg = 0;
        for (StayInterval stay : staysByStart) {
            while (leg < legs.size() && legs.get(leg).startMillis() < stay.startMillis()) {
                items.add(legs.get(leg++));
            }
            items.add(new Trips.Item(stay.startMillis(), stay.endMillis(), fixes.firstAtOrAfter(0, stay.startMillis()),
                    stay, params.isActivity(stay), null));
        }
        items.addAll(legs.subList(leg, legs.size()));
        return items;
    }

    /** The first fix of the open trip or of a trailing one-fix run, whichever is earlier; the size if neither. */
    private static int resumeIndex(int size, List<Triplegs.Run> runs, List<Trips.Group> groups) {
        int resume = size;
        if (!groups.isEmpty() && !groups.get(groups.size() - 1).closed()) {
            resume = groups.get(groups.size() - 1).items().get(0).firstFix();
        }
        if (!runs.isEmpty()) {
            Triplegs.Run last = runs.get(runs.size() - 1);
            if (last.last() == size - 1 && last.fixCount() < 2) {
                resume = Math.min(resume, last.first());
            }
        }
        return resume;
    }
}
