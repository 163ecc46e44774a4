package dev.tracks.analysis.worker.trip;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * trackintel {@code generate_trips(gap_threshold=15)} ({@code trackintel/preprocessing/triplegs.py}) over one user's
 * stays and triplegs sorted by start (a stay before a tripleg of equal start): a trip is a maximal group of triplegs
 * and non-activity stays between two boundaries, where a boundary is an activity stay or a gap, i.e. the next item
 * starting strictly more than gapThresholdMinutes after the previous item ended. The origin (destination) is the
 * activity right before (after) the group; a gap or the start (end) of the data leaves it absent. Groups without a
 * tripleg are no trips (trackintel drops them).
 */
final class Trips {

    /** A stay or a tripleg, with the index of its first fix in the call's fixes. */
    record Item(long startMillis, long endMillis, int firstFix, StayInterval stay, boolean activity, Tripleg tripleg) {
    }

    /** The items between two boundaries; {@code closed} when a boundary follows, i.e. more data cannot change it. */
    record Group(List<Item> items, OptionalLong origin, OptionalLong destination, boolean closed) {

        boolean hasTripleg() {
            return items.stream().anyMatch(item -> item.tripleg() != null);
        }

        Trip trip() {
            List<Long> triplegIds = new ArrayList<>();
            List<Long> stayIds = new ArrayList<>();
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (Item item : items) {
                if (item.tripleg() != null) {
                    triplegIds.add(item.tripleg().id());
                } else {
                    stayIds.add(item.stay().id());
                }
                start = Math.min(start, item.startMillis());
                end = Math.max(end, item.endMillis());
            }
            return new Trip(triplegIds.get(0), start, end, origin, destination, triplegIds, stayIds);
        }
    }

    private Trips() {
    }

    /** Groups items sorted by start; the last group is open (not closed) unless a boundary ends the data. */
    static List<Group> groups(List<Item> items, double gapMillis) {
        List<Group> groups = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        OptionalLong origin = OptionalLong.empty();
        Item previous = null;
        for (Item item : items) {
            if (previous != null && item.startMillis() - previous.endMillis() > gapMillis) {
                close(groups, current, origin, OptionalLong.empty());
                current = new ArrayList<>();
                origin = OptionalLong.empty();
            }
            if (item.activity()) {
                close(groups, current, origin, OptionalLong.of(item.stay().id()));
                current = new ArrayList<>();
                origin = OptionalLong.of(item.stay().id());
            } else {
                current.add(item);
            }
            previous = item;
        }
        if (!current.isEmpty()) {
            groups.add(new Group(current, origin, OptionalLong.empty(), false));
        }
        return groups;
    }

    private static void close(List<Group> groups, List<Item> items, OptionalLong origin, OptionalLong destination) {
        if (!items.isEmpty()) {
            groups.add(new Group(items, origin, destination, true));
        }
    }
}
