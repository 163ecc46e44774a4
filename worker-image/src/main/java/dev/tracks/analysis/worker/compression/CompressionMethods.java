package dev.tracks.analysis.worker.compression;

import java.util.List;

/** The choice of the {@code methods} parameter: every method, to compare them on the same trips, or one. */
public enum CompressionMethods {
    ALL(List.of(CompressionMethod.values())),
    TD_TR(List.of(CompressionMethod.TD_TR)),
    DOUGLAS_PEUCKER(List.of(CompressionMethod.DOUGLAS_PEUCKER)),
    SKMOB_RADIUS(List.of(CompressionMethod.SKMOB_RADIUS));

    private final List<CompressionMethod> methods;

    CompressionMethods(List<CompressionMethod> methods) {
        this.methods = methods;
    }

    /** The methods to run, in the order of {@link CompressionMethod}. */
    public List<CompressionMethod> methods() {
        return methods;
    }
}
