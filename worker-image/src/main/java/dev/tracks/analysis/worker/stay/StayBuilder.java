package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * Summarises the fixes of one stay the way trackintel's {@code __create_new_staypoints} does: the centre is the mean of
 * the distinct coordinates, latitude arithmetically and longitude as a circular mean
 * ({@code angle_centroid_multipoints}, so a stay on the antimeridian is centred near ±180, not near 0); the elevation
 * is the median of the known altitudes (pandas {@code median} skips NaN and averages the two middle values). The
 * circular mean is taken of the longitudes' offsets from the anchor's (rotation does not change it), so the small
 * offsets need no library trigonometry. Reuses its scratch space across stays.
 */
final class StayBuilder {

    private final Fixes fixes;
    private final AnchoredDistance anchor;
    private final CoordinateSet distinct = new CoordinateSet();
    private double[] altitudes = new double[64];

    /** A builder for stays whose first fix is the anchor of {@code anchor}. */
    StayBuilder(Fixes fixes, AnchoredDistance anchor) {
        this.fixes = fixes;
        this.anchor = anchor;
    }

    /** The stay of the fixes {@code [first, endExclusive)}, ending at {@code endMillis}; fix first is the anchor. */
    Stay build(int first, int endExclusive, long endMillis) {
        int count = endExclusive - first;
        distinct.clear(count);
        if (altitudes.length < count) {
            altitudes = new double[Math.max(count, altitudes.length * 2)];
        }
        double latSum = 0;
        double cosSum = 0;
        double sinSum = 0;
        int distinctCount = 0;
        int known = 0;
        for (int i = first; i < endExclusive; i++) {
            if (distinct.add(fixes.lat(i), fixes.lon(i))) {
                latSum += fixes.lat(i);
                double offset = anchor.lonOffset(fixes.lon(i));
                cosSum += SmallAngles.cos(offset);
                sinSum += SmallAngles.sin(offset);
                distinctCount++;
            }
            double altitude = fixes.altitude(i);
            if (!Double.isNaN(altitude)) {
                altitudes[known++] = altitude;
            }
        }
        double lon = Geodesy.normalizeLongitude(Math.toDegrees(anchor.lonRadians() + Math.atan2(sinSum, cosSum)));
        return new Stay(fixes.time(first), endMillis, latSum / distinctCount, lon, Median.of(altitudes, known), count,
                fixes.id(first), fixes.id(endExclusive - 1));
    }
}
