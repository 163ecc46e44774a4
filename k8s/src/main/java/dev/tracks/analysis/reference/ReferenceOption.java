package dev.tracks.analysis.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An option of a reference load, as the command line ({@link #cliName()}, e.g. {@code --code-property}) and the admin
 * API ({@link #apiName()}, the form field {@code code_property}) both take it. Options of one kind only are refused
 * for the other kind's loads (see {@link ReferenceLoadOptions}).
 */
public enum ReferenceOption {
    /** Licence and attribution text kept with the load (every kind). */
    ATTRIBUTION(null, null),
    /** admin: the property with the area code. */
    CODE_PROPERTY(ReferenceKind.ADMIN, "codeProperty"),
    /** admin: the property with the area name. */
    NAME_PROPERTY(ReferenceKind.ADMIN, "nameProperty"),
    /** admin: the properties with the country code, comma-separated; the first non-empty wins. */
    COUNTRY_PROPERTY(ReferenceKind.ADMIN, "countryProperties"),
    /** admin: the level of every area, 0 to 10. */
    LEVEL(ReferenceKind.ADMIN, "level"),
    /** admin: the property with each area's level, instead of {@link #LEVEL}. */
    LEVEL_PROPERTY(ReferenceKind.ADMIN, "levelProperty"),
    /** places: csv or json. */
    FORMAT(ReferenceKind.PLACES, "format"),
    NAME_COLUMN(ReferenceKind.PLACES, "name"),
    LAT_COLUMN(ReferenceKind.PLACES, "lat"),
    LON_COLUMN(ReferenceKind.PLACES, "lon"),
    COUNTRY_COLUMN(ReferenceKind.PLACES, "country"),
    ADMIN1_COLUMN(ReferenceKind.PLACES, "admin1"),
    ADMIN2_COLUMN(ReferenceKind.PLACES, "admin2"),
    POPULATION_COLUMN(ReferenceKind.PLACES, "population"),
    /** osm: the highway=* values kept as roads, comma-separated. */
    ROAD_CLASSES(ReferenceKind.OSM, "roadClasses"),
    /** osm: the railway=* values kept as rails, comma-separated. */
    RAIL_CLASSES(ReferenceKind.OSM, "railClasses");

    private final ReferenceKind kind;
    private final String storedKey;

    /**
     * @param kind the only kind the option applies to; null: every kind
     * @param storedKey its key in the options stored with the load (reference_loads.options); null: not stored
     */
    ReferenceOption(ReferenceKind kind, String storedKey) {
        this.kind = kind;
        this.storedKey = storedKey;
    }

    /** The form field of the admin API, e.g. {@code code_property}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command-line option, e.g. {@code --code-property}. */
    public String cliName() {
        return "--" + apiName().replace('_', '-');
    }

    /** Both names, for messages that may reach either kind of caller: {@code code_property / --code-property}. */
    public String names() {
        return apiName() + " / " + cliName();
    }

    /** Whether loads of {@code loaded} take this option. */
    public boolean appliesTo(ReferenceKind loaded) {
        return kind == null || kind == loaded;
    }

    /** The kind this option is for, if only one. */
    public Optional<ReferenceKind> onlyFor() {
        return Optional.ofNullable(kind);
    }

    /** The option a key of a load's stored options is the value of. */
    public static Optional<ReferenceOption> ofStoredKey(ReferenceKind kind, String key) {
        return Arrays.stream(values()).filter(option -> option.kind == kind && key.equals(option.storedKey))
                .findFirst();
    }
}
