package dev.tracks.analysis.worker.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reference load holds; its id is the {@code kind} of reference_loads and the word on the command line. */
public enum ReferenceKind {
    /** Administrative areas (table admin_areas), from a GeoJSON FeatureCollection. */
    ADMIN,
    /** Gazetteer places (table places), from a CSV or JSON file. */
    PLACES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReferenceKind> fromId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst();
    }
}
