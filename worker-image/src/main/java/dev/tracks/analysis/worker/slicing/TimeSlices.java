package dev.tracks.analysis.worker.slicing;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.grid.CellTracker;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.zone.LocalZone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * time_space_slicing: a user's fixes cut into local time buckets (MovingPandas {@code TemporalSplitter}'s hour, day,
 * week and month) and grid_system's H3 cells: per bucket and cell, the fixes, the dwell time and the distance.
 *
 * <p>Semantics (defaults: DAY buckets, maxDwellGapSeconds 900 as grid_system):
 * <ul>
 *   <li>Buckets are local ({@link LocalBucket}): in the zone of each fix, which is the user's zone if set, else the
 *       zone at the fix's position, else the task's timeZone; each row names it and its source. So a day with a DST
 *       change has 23 or 25 hourly buckets and is itself 23 or 25 hours long, and a WEEK starts on Monday (ISO).
 *       Buckets of different zones are different spans of time: a day in Zurich and the same date in New York are
 *       two rows; zones with the same rules (Zurich, Berlin) give the same spans and share rows.</li>
 *   <li>Fixes: each fix counts once, in the bucket that holds its time and its cell.</li>
 *   <li>Dwell and distance: as grid_system, each interval to the next fix is credited to the earlier fix's cell if it
 *       lasts at most maxDwellGapSeconds; a longer one counts nothing (a recording gap: nobody knows where the user
 *       was). The interval is cut at the buckets' bounds, in the earlier fix's zone: the time after a bound goes to
 *       the next bucket, still in the earlier fix's cell (the user was last seen there), and the distance is shared
 *       in proportion to time. So a bucket's dwell never exceeds its length, and a cell's dwell summed over its
 *       buckets is grid_cells' dwell for the same gap. An interval of zero length (equal times) gives its distance
 *       to the earlier fix's bucket.</li>
 *   <li>Cells: grid_system's H3 cells at its resolution; positions across the antimeridian are ordinary cells and the
 *       great-circle distance takes the short way across.</li>
 * </ul>
 *
 * <p>Streaming ({@link StreamResult}): every contribution to a row has a label, the index of the fix that makes it
 * known: a fix's count and the part of its interval in its own bucket are labelled with the fix, the parts carried
 * into later buckets with the fix that ends the interval. A row's time is its first label's ({@code
 * firstEvidenceMillis}). Rows of a bucket still open at the last fix (its end lies after the last fix's time) are
 * provisional, and so is every row with a label at or after the first label of a provisional row: {@code
 * resumeIndex} is that first label, moved back so no row has labels on both sides of it and no group of equal times
 * is split. The next call aggregates only contributions labelled from its {@code from} on, and needs the fix before
 * it as context (the interval that ends at {@code from}): {@code contextIndex} is that fix's equal-time group.
 *
 * <p>An instance analyzes one user's calls in turn, as the runtime makes them: when a call continues the one before
 * (the same fixes from its {@code contextIndex} on, then new ones), the provisional rows of that call are carried on
 * instead of aggregated again, since they hold every contribution labelled from its {@code resumeIndex} on, and an
 * unchanged row keeps its result object and its place in the order. Without this, each batch would aggregate the
 * whole open bucket again: a month of fixes per batch. Any other call is aggregated from its fixes alone; both give
 * the same results.
 */
public final class TimeSlices {

    /** The zone of the local buckets at a position ({@code UserTimeZones.Resolver::at} in the runtime). */
    @FunctionalInterface
    public interface Zones {
        LocalZone at(double lat, double lon);
    }

    /** The order of the results; a row's first label never changes, so neither does its place. */
    private static final Comparator<Slot> ORDER = Comparator.comparingLong((Slot slot) -> slot.firstEvidenceMillis)
            .thenComparingLong(slot -> slot.key.startMillis).thenComparingLong(slot -> slot.key.endMillis)
            .thenComparingLong(slot -> slot.key.cell);

    private final int resolution;
    private final Granularity granularity;
    private final long maxGapMillis;
    private final Zones zones;
    /** The previous call's provisional rows (in result order), labels relative to its input, and that input. */
    private Map<SlotKey, Slot> carried;
    private List<Slot> carriedInOrder;
    private Carry previous;

    /** One user's analysis; {@code resolution} is grid_system's. */
    public TimeSlices(int resolution, TimeSliceParams params, Zones zones) {
        this.resolution = resolution;
        this.granularity = params.granularity();
        this.maxGapMillis = params.maxDwellGapMillis();
        this.zones = zones;
    }

    /** The slices of one user's time-ordered fixes, in one call without earlier ones. */
    public static StreamResult<TimeSlice> slice(Fixes fixes, int from, int resolution, TimeSliceParams params,
                                                Zones zones) {
        return new TimeSlices(resolution, params, zones).analyze(fixes, from);
    }

    /** The slices of the contributions labelled from fix {@code from} on (the {@link StreamResult} contract). */
    public StreamResult<TimeSlice> analyze(Fixes fixes, int from) {
        int n = fixes.size();
        if (n == 0) {
            carried = null;
            previous = null;
            return new StreamResult<>(List.of(), List.of(), 0, 0);
        }
        Map<SlotKey, Slot> slots;
        List<Slot> earlier;
        List<Slot> created = new ArrayList<>();
        if (previous != null && previous.continuedBy(fixes, from)) {
            slots = carried;
            earlier = carriedInOrder;
            int shift = previous.contextIndex;
            for (Slot slot : earlier) {
                slot.minLabel -= shift;
                slot.maxLabel -= shift;
            }
            int lastSeen = previous.size - shift - 1;
            aggregate(fixes, slots, created, lastSeen, lastSeen + 1, lastSeen);
        } else {
            slots = new HashMap<>();
            earlier = List.of();
            aggregate(fixes, slots, created, Math.max(from - 1, 0), from, from);
        }
        int resume = resumeIndex(fixes, slots.values());
        created.sort(ORDER);
        List<TimeSlice> finals = new ArrayList<>();
        List<TimeSlice> provisional = new ArrayList<>();
        List<Slot> stillOpen = new ArrayList<>();
        for (Slot slot : merged(earlier, created)) {
            if (slot.minLabel < resume) {
                finals.add(slot.result(granularity, resolution));
                slots.remove(slot.key);
            } else {
                provisional.add(slot.result(granularity, resolution));
                stillOpen.add(slot);
            }
        }
        int context = resume > 0 ? groupStart(fixes, resume - 1) : 0;
        carried = slots;
        carriedInOrder = stillOpen;
        previous = new Carry(fixes, resume, context);
        return new StreamResult<>(finals, provisional, resume, context);
    }

    /** Two lists in result order as one. */
    private static List<Slot> merged(List<Slot> a, List<Slot> b) {
        List<Slot> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            boolean takeA = j == b.size() || (i < a.size() && ORDER.compare(a.get(i), b.get(j)) <= 0);
            merged.add(takeA ? a.get(i++) : b.get(j++));
        }
        return merged;
    }

    /**
     * The first label of the provisional rows: those of buckets open at the last fix, then those that share a label
     * range with them, until no row straddles the index and it starts a group of equal times.
     */
    private static int resumeIndex(Fixes fixes, Iterable<Slot> slots) {
        long lastTime = fixes.time(fixes.size() - 1);
        int resume = fixes.size();
        for (Slot slot : slots) {
            if (slot.key.endMillis > lastTime) {
                resume = Math.min(resume, slot.minLabel);
            }
        }
        boolean moved = true;
        while (moved) {
            resume = groupStart(fixes, resume);
            moved = false;
            for (Slot slot : slots) {
                if (slot.minLabel < resume && slot.maxLabel >= resume) {
                    resume = slot.minLabel;
                    moved = true;
                }
            }
        }
        return resume;
    }

    /** The first index of the group of fixes with the time of fix {@code index} (an index past the end stays). */
    private static int groupStart(Fixes fixes, int index) {
        int start = index;
        while (start > 0 && start < fixes.size() && fixes.time(start - 1) == fixes.time(start)) {
            start--;
        }
        return start;
    }

    /**
     * One pass from fix {@code first} on, keeping the last fix's cell, zone and bucket to skip repeated lookups: fixes
     * count from {@code countFrom}, intervals are credited to their own bucket from {@code ownFrom}, and the parts of
     * intervals carried into later buckets always.
     */
    private void aggregate(Fixes fixes, Map<SlotKey, Slot> slots, List<Slot> created, int first, int countFrom,
                           int ownFrom) {
        int n = fixes.size();
        long cell = 0;
        CellTracker cells = new CellTracker(resolution);
        LocalBucket bucket = null;
        Slot own = null;
        for (int i = first; i < n; i++) {
            long time = fixes.time(i);
            double lat = fixes.lat(i);
            double lon = fixes.lon(i);
            LocalZone zone = zones.at(lat, lon);
            long fixCell = cells.cellOf(lat, lon);
            if (bucket == null || !bucket.contains(time) || !bucket.zone().equals(zone.zone())) {
                bucket = LocalBucket.containing(time, zone.zone(), granularity);
                own = null;
            }
            if (own != null && fixCell != cell) {
                own = null;
            }
            cell = fixCell;
            if (i >= ownFrom && own == null) {
                own = slot(slots, created, bucket, cell, zone, time);
            }
            if (i >= countFrom) {
                own.addFix(i);
            }
            if (i + 1 < n) {
                credit(fixes, slots, created, i, bucket, cell, zone, i >= ownFrom ? own : null);
            }
        }
    }

    /** Credits the interval from fix {@code i} to the next to fix i's cell, bucket by bucket (own: null to skip). */
    private void credit(Fixes fixes, Map<SlotKey, Slot> slots, List<Slot> created, int i, LocalBucket bucket,
                        long cell, LocalZone zone, Slot own) {
        long start = fixes.time(i);
        long end = fixes.time(i + 1);
        long length = end - start;
        if (length > maxGapMillis) {
            return;
        }
        double meters = Geodesy.distanceMeters(fixes.lat(i), fixes.lon(i), fixes.lat(i + 1), fixes.lon(i + 1));
        if (own != null) {
            long ownPart = Math.min(bucket.endMillis(), end) - start;
            own.addInterval(ownPart, length == 0 ? meters : meters * ownPart / length, i);
        }
        LocalBucket later = bucket;
        while (later.endMillis() < end) {
            later = LocalBucket.containing(later.endMillis(), zone.zone(), granularity);
            long part = Math.min(later.endMillis(), end) - later.startMillis();
            slot(slots, created, later, cell, zone, end).addInterval(part, meters * part / length, i + 1);
        }
    }

    /**
     * The row of a bucket and cell, made for a first contribution labelled with a fix at {@code labelMillis}: labels
     * only grow in the order of the pass, so that is the row's first evidence.
     */
    private static Slot slot(Map<SlotKey, Slot> slots, List<Slot> created, LocalBucket bucket, long cell,
                             LocalZone zone, long labelMillis) {
        SlotKey key = new SlotKey(bucket.startMillis(), bucket.endMillis(), cell);
        Slot slot = slots.get(key);
        if (slot == null) {
            slot = new Slot(key, bucket, zone, labelMillis);
            slots.put(key, slot);
            created.add(slot);
        }
        return slot;
    }

    /**
     * What a call needs to know of the one before to carry its provisional rows on: the size of its input, its resume
     * and context indexes, and the fixes it ended with, which a continuing call holds from position
     * {@code size - contextIndex - 1} (the runtime drops the fixes before the context index and appends new ones).
     */
    private record Carry(int size, int resumeIndex, int contextIndex, long contextId, long contextTime, long lastId,
                         long lastTime) {

        Carry(Fixes fixes, int resumeIndex, int contextIndex) {
            this(fixes.size(), resumeIndex, contextIndex, fixes.id(contextIndex), fixes.time(contextIndex),
                    fixes.id(fixes.size() - 1), fixes.time(fixes.size() - 1));
        }

        boolean continuedBy(Fixes fixes, int from) {
            int last = size - contextIndex - 1;
            // A call that analyzed its last fix left it in an open row, so resumed before the end.
            return resumeIndex < size && from == resumeIndex - contextIndex && last < fixes.size() - 1
                    && fixes.id(0) == contextId && fixes.time(0) == contextTime
                    && fixes.id(last) == lastId && fixes.time(last) == lastTime;
        }
    }

    private record SlotKey(long startMillis, long endMillis, long cell) {
    }

    /** The running sums of one bucket and cell, and the range of labels that contributed to them. */
    private static final class Slot {

        final SlotKey key;
        /** The bucket and zone of the first contribution: the row's zone. */
        final LocalBucket bucket;
        final LocalZone zone;
        int fixCount;
        long dwellMillis;
        double distanceMeters;
        final long firstEvidenceMillis;
        int minLabel = Integer.MAX_VALUE;
        int maxLabel = -1;
        /** The row as last returned; null once it changed (an open row is returned by every call). */
        TimeSlice result;

        Slot(SlotKey key, LocalBucket bucket, LocalZone zone, long firstEvidenceMillis) {
            this.key = key;
            this.bucket = bucket;
            this.zone = zone;
            this.firstEvidenceMillis = firstEvidenceMillis;
        }

        void addFix(int label) {
            fixCount++;
            label(label);
        }

        void addInterval(long millis, double meters, int label) {
            dwellMillis += millis;
            distanceMeters += meters;
            label(label);
        }

        private void label(int label) {
            minLabel = Math.min(minLabel, label);
            maxLabel = Math.max(maxLabel, label);
            result = null;
        }

        TimeSlice result(Granularity granularity, int resolution) {
            if (result == null) {
                result = new TimeSlice(granularity, key.startMillis, key.endMillis, bucket.localStart(), zone.zone(),
                        zone.source(), key.cell, resolution, fixCount, dwellMillis, distanceMeters,
                        firstEvidenceMillis);
            }
            return result;
        }
    }
}
