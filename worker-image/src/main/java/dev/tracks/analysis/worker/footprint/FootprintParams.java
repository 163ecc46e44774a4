package dev.tracks.analysis.worker.footprint;

import java.time.ZoneId;

/**
 * Parameters of the footprint_stats skill, bound by name from the skill catalog ({@code StatisticsSkills}).
 *
 * @param k number of most visited locations in the k-radius of gyration (scikit-mobility default 2)
 * @param nightStartHour local hour at which the night (home detection) begins, 0..23
 * @param nightEndHour local hour at which the night ends, 0..23; the night wraps past midnight when it is before
 *     {@code nightStartHour}
 * @param timeZone time zone of the night hours
 */
public record FootprintParams(int k, int nightStartHour, int nightEndHour, ZoneId timeZone) {
}
