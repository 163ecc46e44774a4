package dev.tracks.analysis.worker.grid;

/**
 * Parameters of the grid_system skill, named and defaulted as in the skill catalog ({@code SpatialSkills}).
 *
 * @param h3Resolution H3 resolution of the cells, 0..15 (9: about 200 m average edge, see
 *     {@code H3Core.getHexagonEdgeLengthAvg})
 * @param maxDwellGapSeconds time between consecutive fixes above this is not counted as dwell time, and such a gap
 *     ends a cell visit
 */
public record GridParams(int h3Resolution, int maxDwellGapSeconds) {

    public GridParams {
        if (h3Resolution < 0 || h3Resolution > 15) {
            throw new IllegalArgumentException("h3Resolution must be in 0..15: " + h3Resolution);
        }
        if (maxDwellGapSeconds < 1) {
            throw new IllegalArgumentException("maxDwellGapSeconds must be positive: " + maxDwellGapSeconds);
        }
    }

    public static GridParams defaults() {
        return new GridParams(9, 900);
    }

    long maxDwellGapMillis() {
        return maxDwellGapSeconds * 1000L;
    }
}
