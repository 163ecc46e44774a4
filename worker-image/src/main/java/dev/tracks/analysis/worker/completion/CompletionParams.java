package dev.tracks.analysis.worker.completion;

/**
 * Parameters of trajectory_completion, bound by name from the skill catalog ({@code FoundationSkills}).
 *
 * @param minGapSeconds a longer time between consecutive clean fixes is a recording gap
 * @param maxGapMinutes a longer gap is left open
 * @param spacingMeters distance between synthetic fixes along the gap's path
 * @param flightMinSpeedKmh a gap crossed at this implied speed or faster is a flight (great circle)
 * @param maxSnapMeters a gap end farther than this from the rail or road network gets a straight line
 */
public record CompletionParams(int minGapSeconds, int maxGapMinutes, double spacingMeters, double flightMinSpeedKmh,
                               double maxSnapMeters) {

    long minGapMillis() {
        return minGapSeconds * 1000L;
    }

    long maxGapMillis() {
        return maxGapMinutes * 60_000L;
    }
}
