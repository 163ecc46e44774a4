package dev.tracks.analysis.reference;

import dev.tracks.analysis.skill.Dataset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reference load holds; its id is the {@code kind} of reference_loads and the word on the command line. */
public enum ReferenceKind {
    /** Administrative areas (table admin_areas), from a GeoJSON FeatureCollection. */
    ADMIN(Dataset.ADMIN_AREAS),
    /** Gazetteer places (table places), from a CSV or JSON file. */
    PLACES(Dataset.PLACES),
    /** Roads, rails and stations (tables osm_ways, osm_stations), from an OpenStreetMap {@code .osm.pbf} extract. */
    OSM(Dataset.OSM_NETWORK);

    private final Dataset dataset;

    ReferenceKind(Dataset dataset) {
        this.dataset = dataset;
    }

    /** The catalog's name for this data, which a skill that reads it lists in its reads. */
    public Dataset dataset() {
        return dataset;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReferenceKind> fromId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst();
    }
}
