package dev.tracks.analysis.worker.grid;

/**
 * Parameters of the grid_system skill, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param h3Resolution H3 resolution of the cells, 0..15 (9: about 200 m average edge, see
 *     {@code H3Core.getHexagonEdgeLengthAvg})
 * @param maxDwellGapSeconds time between consecutive fixes above this is not counted as dwell time, and such a gap
 *     ends a cell visit
 */
public record GridParams(int h3Resolution, int maxDwellGapSeconds) {

    long maxDwellGapMillis() {
        return maxDwellGapSeconds * 1000L;
    }
}
