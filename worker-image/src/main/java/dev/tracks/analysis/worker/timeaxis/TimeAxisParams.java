package dev.tracks.analysis.worker.timeaxis;

import java.time.ZoneId;

/**
 * Parameters of time_axis_map, bound by name from the skill catalog ({@code VisualizationSkills}).
 *
 * @param binMinutes length of a time bin; bins start at local midnight
 * @param h3Resolution H3 resolution of each bin's cell
 * @param timeZone the zone of the local days when the user has no zone setting and a fix lies outside every zone
 *     polygon
 */
public record TimeAxisParams(int binMinutes, int h3Resolution, ZoneId timeZone) {

    long binMillis() {
        return binMinutes * 60_000L;
    }
}
