package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.HashSet;
import java.util.Set;

/**
 * The centre of a location as trackintel {@code generate_locations} computes it: the arithmetic mean of the
 * latitudes and of the longitudes of the <em>distinct</em> stay positions (trackintel dissolves the stays into a
 * MultiPoint, which drops duplicates, then averages x and y). Unlike trackintel, longitudes are first unwrapped to
 * within 180 degrees of the first position so that a location on the antimeridian is not averaged to the other side
 * of the globe; elsewhere the result is the same.
 */
public final class LocationCentre {

    private LocationCentre() {
    }

    /** {lat, lon} of the mean of the distinct positions {@code (lats[i], lons[i])}, lon in [-180, 180). */
    public static double[] meanOfDistinct(double[] lats, double[] lons) {
        Set<Position> distinct = new HashSet<>();
        double reference = lons[0];
        double latSum = 0;
        double lonSum = 0;
        for (int i = 0; i < lats.length; i++) {
            if (distinct.add(new Position(lats[i], lons[i]))) {
                latSum += lats[i];
                lonSum += unwrap(lons[i], reference);
            }
        }
        int count = distinct.size();
        return new double[] {latSum / count, inRange(lonSum / count)};
    }

    /**
     * {@code lon} shifted by 360 degrees when it is more than 180 degrees from {@code reference}, else unchanged
     * (bit for bit, so that means away from the antimeridian equal the reference libraries').
     */
    public static double unwrap(double lon, double reference) {
        double difference = lon - reference;
        if (difference > 180) {
            return lon - 360;
        }
        return difference < -180 ? lon + 360 : lon;
    }

    /** A longitude in [-180, 180), unchanged when it already is. */
    public static double inRange(double lon) {
        return lon >= -180 && lon < 180 ? lon : Geodesy.normalizeLongitude(lon);
    }

    private record Position(double lat, double lon) {
    }
}
