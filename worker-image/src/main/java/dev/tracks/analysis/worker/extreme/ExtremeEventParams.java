package dev.tracks.analysis.worker.extreme;

/**
 * Parameters of extreme_events, bound by name from the skill catalog ({@code StatisticsSkills}).
 *
 * @param ignoredTopSpeedShare the share of the fastest steps between fixes left out of the top speed (gpxpy's
 *     {@code speed_extreemes_percentiles}, 0.05); 0 keeps the true maximum
 */
public record ExtremeEventParams(double ignoredTopSpeedShare) {
}
