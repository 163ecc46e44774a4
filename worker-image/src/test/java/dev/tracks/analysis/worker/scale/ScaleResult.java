package dev.tracks.analysis.worker.scale;

import java.util.Optional;

/**
 * Both sides at one scale.
 *
 * @param scale how many copies of the source tree the input holds
 * @param input the input tree
 * @param analyze analyze's run
 * @param trackintel trackintel's run; empty when trackintel is not available
 */
record ScaleResult(int scale, ScaledGeoLife input, ChainRun analyze, Optional<ChainRun> trackintel) {

    /** Microseconds per input fix. */
    double perFix(double seconds) {
        return seconds * 1e6 / input.fixes();
    }
}
