package dev.tracks.analysis.worker.geocoding;

/**
 * Parameters of the geocoding skill, bound by name from the skill catalog ({@code FoundationSkills}).
 *
 * @param maxAdminLevel deepest administrative level looked up (0 country, 1 region, 2 district); the levels of the
 *     admin load up to it get runs
 * @param cellResolution H3 resolution of the lookup cache (9: about 200 m average edge)
 * @param maxGapSeconds a longer time between consecutive fixes ends every run at the fix before it
 */
public record GeocodingParams(int maxAdminLevel, int cellResolution, int maxGapSeconds) {

    long maxGapMillis() {
        return maxGapSeconds * 1000L;
    }
}
