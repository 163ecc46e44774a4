package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;

/**
 * A literal transcription of trackintel 1.4.2's {@code _generate_staypoints_sliding_user} (haversine per pair, the
 * last window dropped): the reference the fast loop and the runtime are compared with.
 */
public final class TrackintelSliding {

    private TrackintelSliding() {
    }

    /**
     * Each stay as {first fix id, last fix id, time of the first fix after it, number of fixes}, over exactly the
     * given fixes.
     */
    public static List<long[]> windows(Fixes fixes, StayParameters parameters) {
        double gapMillis = parameters.gapThresholdMinutes() * 60_000;
        double timeMillis = parameters.timeThresholdMinutes() * 60_000;
        List<long[]> windows = new ArrayList<>();
        int start = 0;
        for (int curr = 1; curr < fixes.size(); curr++) {
            if (fixes.time(curr) - fixes.time(curr - 1) > gapMillis) {
                start = curr;
                continue;
            }
            double distance = Geodesy.distanceMeters(fixes.lat(start), fixes.lon(start), fixes.lat(curr),
                    fixes.lon(curr));
            if (distance >= parameters.distThresholdMeters()) {
                if (fixes.time(curr) - fixes.time(start) >= timeMillis) {
                    windows.add(new long[] {fixes.id(start), fixes.id(curr - 1), fixes.time(curr), curr - start});
                }
                start = curr;
            }
        }
        return windows;
    }
}
