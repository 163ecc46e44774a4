package dev.tracks.analysis.worker.location;

/**
 * Parameters of the stay_stats skill, bound by name from the skill catalog ({@code StatisticsSkills}).
 *
 * @param epsilonMeters DBSCAN neighbourhood radius in metres (haversine); stays at most this far apart are neighbours
 * @param minSamples DBSCAN core point size, the stay itself included; 1 makes every stay part of a location
 */
public record StayStatsParams(double epsilonMeters, int minSamples) {
}
