package dev.tracks.analysis.worker.annotation;

/**
 * A location's roles by the three methods and the scores behind them.
 *
 * @param dwellMillis summed stay time (FREQ's score)
 * @param osnaHomeMillis OSNA's home score: weekday rest time x 0.739 plus leisure time x 0.358
 * @param osnaWorkMillis OSNA's work score: weekday time 08:00-19:00
 * @param nightMillis stay time in the local nights 22:00-07:00 (NIGHT's score)
 */
record LocationRoles(int locationId, long dwellMillis, double osnaHomeMillis, double osnaWorkMillis,
                            long nightMillis, RoleView freq, RoleView osna, RoleView night) {

    /** The role by {@code method}. */
    RoleView by(RoleMethod method) {
        return switch (method) {
            case FREQ -> freq;
            case OSNA -> osna;
            case NIGHT -> night;
        };
    }
}
