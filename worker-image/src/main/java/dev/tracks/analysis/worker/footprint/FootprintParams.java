package dev.tracks.analysis.worker.footprint;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parameters of the footprint_stats skill, named and defaulted as in the skill catalog ({@code StatisticsSkills}).
 *
 * @param k number of most visited locations in the k-radius of gyration (scikit-mobility default 2)
 * @param nightStartHour local hour at which the night (home detection) begins, 0..23
 * @param nightEndHour local hour at which the night ends, 0..23; the night wraps past midnight when it is before
 *     {@code nightStartHour}
 * @param timeZone time zone of the night hours
 */
public record FootprintParams(int k, int nightStartHour, int nightEndHour, ZoneId timeZone) {

    public FootprintParams {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        if (nightStartHour < 0 || nightStartHour > 23 || nightEndHour < 0 || nightEndHour > 23) {
            throw new IllegalArgumentException("night hours must be in 0..23: " + nightStartHour + ", " + nightEndHour);
        }
    }

    public static FootprintParams defaults() {
        return new FootprintParams(2, 22, 7, ZoneOffset.UTC);
    }
}
