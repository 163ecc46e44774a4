package dev.tracks.analysis.worker.admin;

/**
 * Parameters of admin_crossings, bound by name from the skill catalog ({@code StatisticsSkills}).
 *
 * @param minDwellSeconds a visit shorter than this between two others, without a recording gap on either side, is
 *     border jitter (see {@link LevelRuns})
 */
public record AdminCrossingsParams(int minDwellSeconds) {

    long minDwellMillis() {
        return minDwellSeconds * 1000L;
    }
}
