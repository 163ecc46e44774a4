package dev.tracks.analysis.worker.location;

/**
 * Parameters of the stay_stats skill, named and defaulted as in the skill catalog ({@code StatisticsSkills}).
 *
 * @param epsilonMeters DBSCAN neighbourhood radius in metres (haversine); stays at most this far apart are neighbours
 * @param minSamples DBSCAN core point size, the stay itself included; 1 makes every stay part of a location
 */
public record StayStatsParams(double epsilonMeters, int minSamples) {

    public StayStatsParams {
        if (!(epsilonMeters > 0)) {
            throw new IllegalArgumentException("epsilonMeters must be positive: " + epsilonMeters);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1: " + minSamples);
        }
    }

    public static StayStatsParams defaults() {
        return new StayStatsParams(100, 1);
    }
}
