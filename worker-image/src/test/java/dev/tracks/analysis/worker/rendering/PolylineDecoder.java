package dev.tracks.analysis.worker.rendering;

import dev.tracks.analysis.store.EncodedPolyline;
import java.util.ArrayList;
import java.util.List;

/** Decodes Google encoded polylines (precision 5) for the tests: the inverse of {@link EncodedPolyline}. */
final class PolylineDecoder {

    private PolylineDecoder() {
    }

    /** {lat, lon} pairs. */
    static List<double[]> decode(String encoded) {
        List<double[]> points = new ArrayList<>();
        int[] position = {0};
        long lat = 0;
        long lon = 0;
        while (position[0] < encoded.length()) {
            lat += nextValue(encoded, position);
            lon += nextValue(encoded, position);
            points.add(new double[] {lat / EncodedPolyline.FACTOR, lon / EncodedPolyline.FACTOR});
        }
        return points;
    }

    private static long nextValue(String encoded, int[] position) {
        long result = 0;
        int shift = 0;
        int chunk;
        do {
            chunk = encoded.charAt(position[0]++) - 63;
            result |= (long) (chunk & 0x1f) << shift;
            shift += 5;
        } while (chunk >= 0x20);
        return (result & 1) != 0 ? ~(result >> 1) : result >> 1;
    }
}
