package dev.tracks.analysis.worker.compression;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;

/**
 * The time_space_compression skill for one trip: its fixes projected once ({@link TripPlane}), compressed by each
 * method at the tolerance ({@link TopDown} for TD-TR and Douglas-Peucker, {@link RadiusMerge} for scikit-mobility's
 * radius), and each compressed track's error measured the same way, so that the methods compare: the SED (Meratnia &
 * de By 2004) of every fix the compressed track replaces, against the position the compressed track gives at the
 * fix's time. For TD-TR and Douglas-Peucker those are the dropped fixes, each against the segment between the kept
 * fixes around it (TD-TR's maximum is at most the tolerance by construction; Douglas-Peucker's is not bounded, since
 * it ignores time). For SKMOB_RADIUS it is every fix, against the segment from its group's fix to the next group's;
 * after the last group's time the compressed track stays at its last fix.
 */
final class TrackCompressor {

    private TrackCompressor() {
    }

    /** The trip whose fixes are {@code [first, end)} compressed by the chosen methods. */
    static CompressedTrip compress(long tripId, Fixes fixes, int first, int end, CompressionParams params) {
        TripPlane plane = TripPlane.of(fixes, first, end);
        double tolerance = params.spatialRadiusMeters();
        List<TrackCompression> compressions = new ArrayList<>(3);
        for (CompressionMethod method : params.methods().methods()) {
            compressions.add(switch (method) {
                case TD_TR -> topDown(method, plane, TopDown.kept(plane, tolerance, true));
                case DOUGLAS_PEUCKER -> topDown(method, plane, TopDown.kept(plane, tolerance, false));
                case SKMOB_RADIUS -> radius(plane, RadiusMerge.merge(plane, tolerance));
            });
        }
        return new CompressedTrip(tripId, fixes.time(first), fixes.time(end - 1), tolerance, compressions);
    }

    private static TrackCompression topDown(CompressionMethod method, TripPlane plane, boolean[] kept) {
        List<CompressedFix> track = new ArrayList<>();
        double max = 0;
        double sum = 0;
        int dropped = 0;
        int previous = 0;
        for (int k = 0; k < plane.size; k++) {
            if (!kept[k]) {
                continue;
            }
            track.add(new CompressedFix(plane.times[k], plane.lats[k], plane.recordedLons[k]));
            for (int d = previous + 1; d < k; d++) {
                double sed = plane.sed(d, plane.x[previous], plane.y[previous], plane.times[previous], plane.x[k],
                        plane.y[k], plane.times[k]);
                max = Math.max(max, sed);
                sum += sed;
                dropped++;
            }
            previous = k;
        }
        return new TrackCompression(method, plane.size, max, dropped == 0 ? 0 : sum / dropped, track);
    }

    private static TrackCompression radius(TripPlane plane, RadiusMerge.Groups groups) {
        List<CompressedFix> track = new ArrayList<>(groups.count());
        double max = 0;
        double sum = 0;
        for (int g = 0; g < groups.count(); g++) {
            track.add(new CompressedFix(groups.times()[g], groups.lats()[g],
                    Geodesy.normalizeLongitude(groups.lons()[g])));
            double ax = plane.x(groups.lats()[g], groups.lons()[g]);
            double ay = plane.y(groups.lats()[g], groups.lons()[g]);
            long at = groups.times()[g];
            boolean last = g == groups.count() - 1;
            double bx = last ? ax : plane.x(groups.lats()[g + 1], groups.lons()[g + 1]);
            double by = last ? ay : plane.y(groups.lats()[g + 1], groups.lons()[g + 1]);
            long bt = last ? at : groups.times()[g + 1];
            for (int k = groups.starts()[g]; k < groups.starts()[g + 1]; k++) {
                double sed = plane.sed(k, ax, ay, at, bx, by, bt);
                max = Math.max(max, sed);
                sum += sed;
            }
        }
        return new TrackCompression(CompressionMethod.SKMOB_RADIUS, plane.size, max,
                plane.size == 0 ? 0 : sum / plane.size, track);
    }
}
