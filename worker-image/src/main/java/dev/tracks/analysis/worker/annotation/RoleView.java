package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.worker.location.LocationRole;

/**
 * A location's role by one method.
 *
 * @param confidence for home and work, the winner's margin over the runner-up in the method's score,
 *     {@code (winner - runnerUp) / winner} in [0, 1] (1: no rival, 0: a tie, or nothing to score); null for other
 */
record RoleView(LocationRole role, Double confidence) {

    static final RoleView OTHER = new RoleView(LocationRole.OTHER, null);

    /** A home or work label won with {@code winner} over {@code runnerUp} (0 when there is none). */
    static RoleView won(LocationRole role, double winner, double runnerUp) {
        return new RoleView(role, winner > 0 ? (winner - runnerUp) / winner : 0.0);
    }
}
