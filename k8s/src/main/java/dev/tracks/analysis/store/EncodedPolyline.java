package dev.tracks.analysis.store;

/**
 * Google's encoded polyline algorithm format
 * (https://developers.google.com/maps/documentation/utilities/polylinealgorithm) at precision 5 (1e-5 degrees,
 * about 1.1 m, finer than a pixel at zoom 16 and the default of the common decoders: Google Maps,
 * {@code @mapbox/polyline}, Leaflet plugins). Latitude first; each coordinate is rounded once and the rounded
 * differences are encoded, so rounding errors do not accumulate along the line. The format of
 * {@code rendering_geometries.polyline}: rendering_metadata writes it, the console's map decodes it.
 */
public final class EncodedPolyline {

    public static final double FACTOR = 1e5;

    private EncodedPolyline() {
    }

    /** The vertices {@code i} with {@code keep[i]} of the line {@code (lats[i], lons[i])}, encoded. */
    public static String encode(double[] lats, double[] lons, boolean[] keep) {
        StringBuilder encoded = new StringBuilder();
        long previousLat = 0;
        long previousLon = 0;
        for (int i = 0; i < lats.length; i++) {
            if (keep[i]) {
                long lat = Math.round(lats[i] * FACTOR);
                long lon = Math.round(lons[i] * FACTOR);
                appendSigned(encoded, lat - previousLat);
                appendSigned(encoded, lon - previousLon);
                previousLat = lat;
                previousLon = lon;
            }
        }
        return encoded.toString();
    }

    private static void appendSigned(StringBuilder encoded, long value) {
        long bits = value < 0 ? ~(value << 1) : value << 1;
        while (bits >= 0x20) {
            encoded.append((char) ((0x20 | (bits & 0x1f)) + 63));
            bits >>= 5;
        }
        encoded.append((char) (bits + 63));
    }
}
