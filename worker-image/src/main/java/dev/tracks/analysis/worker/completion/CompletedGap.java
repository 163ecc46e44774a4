package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.mode.FineMode;
import java.util.Arrays;
import java.util.Objects;

/**
 * A recording gap filled with synthetic fixes (a row of completed_gaps, its fixes rows of synthetic_fixes).
 *
 * @param startMillis time of the fix before the gap
 * @param endMillis time of the fix after it
 * @param firstFixId id of the fix before the gap
 * @param lastFixId id of the fix after it
 * @param distanceMeters great-circle distance between the two fixes
 * @param impliedSpeedKmh that distance over the gap's time
 * @param modeBefore fine mode of the movement segment at the first fix, null if none
 * @param modeAfter fine mode of the movement segment at the last fix, null if none
 * @param wanted the method the speed and modes asked for
 * @param method the method used: {@link GapMethod#LINEAR} instead of a route the network could not give
 * @param pathLengthMeters length of the path the synthetic fixes follow
 * @param referenceLoadId the OSM load routed on; null unless {@code method} is a route
 * @param times the synthetic fixes' times, milliseconds since the epoch, strictly between the gap's ends
 * @param lats their latitudes
 * @param lons their longitudes
 */
public record CompletedGap(long startMillis, long endMillis, long firstFixId, long lastFixId, double distanceMeters,
                           double impliedSpeedKmh, FineMode modeBefore, FineMode modeAfter, GapMethod wanted,
                           GapMethod method, double pathLengthMeters, Long referenceLoadId, long[] times,
                           double[] lats, double[] lons) {

    public int syntheticCount() {
        return times.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompletedGap gap && startMillis == gap.startMillis && endMillis == gap.endMillis
                && firstFixId == gap.firstFixId && lastFixId == gap.lastFixId
                && Double.compare(distanceMeters, gap.distanceMeters) == 0
                && Double.compare(impliedSpeedKmh, gap.impliedSpeedKmh) == 0 && modeBefore == gap.modeBefore
                && modeAfter == gap.modeAfter && wanted == gap.wanted && method == gap.method
                && Double.compare(pathLengthMeters, gap.pathLengthMeters) == 0
                && Objects.equals(referenceLoadId, gap.referenceLoadId) && Arrays.equals(times, gap.times)
                && Arrays.equals(lats, gap.lats) && Arrays.equals(lons, gap.lons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMillis, firstFixId, method, Arrays.hashCode(times));
    }

    @Override
    public String toString() {
        return "CompletedGap[" + startMillis + ".." + endMillis + ", points " + firstFixId + ".." + lastFixId + ", "
                + Math.round(distanceMeters) + " m at " + Math.round(impliedSpeedKmh) + " km/h, modes " + modeBefore
                + "/" + modeAfter + ", " + wanted + " -> " + method + ", " + times.length + " synthetic]";
    }
}
