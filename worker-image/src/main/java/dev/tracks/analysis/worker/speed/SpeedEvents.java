package dev.tracks.analysis.worker.speed;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Speed intervals over one user's fixes, after trajr {@code TrajSpeedIntervals(fasterThan, slowerThan)} and
 * MovingPandas {@code SpeedSplitter}: the speed of each step between consecutive fixes (haversine distance over time)
 * is compared with the threshold (fast) and the floor (slow). Neither reference has defaults; the catalog's 130 km/h
 * and 30 s find motorway speeding, and a floor of 0 finds no slow events.
 *
 * <p>A Schmitt trigger keeps GPS noise from splitting one event: a fast event starts with a step above the threshold
 * and goes on through steps down to {@code hysteresisKmh} below it; it ends at the first slower step, at a gap
 * longer than {@code maxGapSeconds} or at the end of the data, and is cut back to its last step above the threshold
 * (slow events mirror this around the floor). Unlike trajr, the times are those of the fixes, not interpolated
 * crossings. Steps between fixes with the same time have no speed and are skipped. Events shorter than
 * {@code minDurationSeconds} are dropped. One state machine finds both kinds, so they never overlap.
 *
 * <p>Streaming ({@link StreamResult}): the steps that start at fixes {@code from} and later are analyzed. An event
 * still open at the end of the data is provisional and analyzed again from its first fix, where the machine was idle;
 * with none open, the next call resumes at the last fix, the start of the next step.
 */
public final class SpeedEvents {

    /** Metres per millisecond to km/h. */
    private static final double KMH_PER_METRE_PER_MS = 3600.0;

    private SpeedEvents() {
    }

    public static StreamResult<SpeedEvent> detect(Fixes fixes, int from, SpeedEventParams params) {
        int size = fixes.size();
        if (from >= size) {
            return new StreamResult<>(List.of(), List.of(), from, from);
        }
        long maxGapMillis = params.maxGapSeconds() * 1000L;
        List<SpeedEvent> finals = new ArrayList<>();
        Interval open = null;
        for (int i = from; i + 1 < size; i++) {
            long millis = fixes.time(i + 1) - fixes.time(i);
            if (millis == 0) {
                continue;
            }
            if (millis > maxGapMillis) {
                open = close(open, fixes, params, finals);
                continue;
            }
            double meters = Geodesy.distanceMeters(fixes.lat(i), fixes.lon(i), fixes.lat(i + 1), fixes.lon(i + 1));
            double kmh = meters / millis * KMH_PER_METRE_PER_MS;
            if (open != null && !open.continuesWith(kmh, params)) {
                open = close(open, fixes, params, finals);
            }
            if (open == null) {
                SpeedKind kind = kmh > params.speedThresholdKmh() ? SpeedKind.FAST
                        : kmh < params.speedFloorKmh() ? SpeedKind.SLOW : null;
                if (kind != null) {
                    open = new Interval(kind, i);
                }
            }
            if (open != null) {
                open.add(i + 1, meters, kmh, params);
            }
        }
        if (open == null) {
            int resume = groupStart(fixes, Math.max(from, size - 1));
            return new StreamResult<>(finals, List.of(), resume, resume);
        }
        List<SpeedEvent> provisional = new ArrayList<>();
        close(open, fixes, params, provisional);
        int resume = groupStart(fixes, open.first);
        return new StreamResult<>(finals, provisional, resume, resume);
    }

    /** Adds the interval to {@code found} if it lasts long enough; returns null, the idle state. */
    private static Interval close(Interval interval, Fixes fixes, SpeedEventParams params, List<SpeedEvent> found) {
        if (interval != null) {
            long start = fixes.time(interval.first);
            long end = fixes.time(interval.last);
            if (end - start >= params.minDurationSeconds() * 1000L) {
                found.add(new SpeedEvent(interval.kind, fixes.id(interval.first), start, end, interval.meters,
                        interval.maxKmh, interval.last - interval.first + 1, null));
            }
        }
        return null;
    }

    /** The first index of the fixes that share the time of fix {@code index}. */
    private static int groupStart(Fixes fixes, int index) {
        int start = index;
        while (start > 0 && fixes.time(start - 1) == fixes.time(start)) {
            start--;
        }
        return start;
    }

    /**
     * An open event: the steps up to its last one beyond the threshold (or floor) are its own; the steps after, in
     * the hysteresis band, join it only if another step beyond the threshold follows.
     */
    private static final class Interval {
        final SpeedKind kind;
        final int first;
        int last;
        double meters;
        double maxKmh;
        double bandMeters;
        double bandMaxKmh;

        Interval(SpeedKind kind, int first) {
            this.kind = kind;
            this.first = first;
            this.last = first;
        }

        boolean continuesWith(double kmh, SpeedEventParams params) {
            return kind == SpeedKind.FAST ? kmh >= params.speedThresholdKmh() - params.hysteresisKmh()
                    : kmh <= params.speedFloorKmh() + params.hysteresisKmh();
        }

        /** Adds the step that ends at fix {@code end}, known to continue the event. */
        void add(int end, double stepMeters, double kmh, SpeedEventParams params) {
            bandMeters += stepMeters;
            bandMaxKmh = Math.max(bandMaxKmh, kmh);
            boolean beyond = kind == SpeedKind.FAST ? kmh > params.speedThresholdKmh() : kmh < params.speedFloorKmh();
            if (beyond) {
                meters += bandMeters;
                maxKmh = Math.max(maxKmh, bandMaxKmh);
                bandMeters = 0;
                bandMaxKmh = 0;
                last = end;
            }
        }
    }
}
