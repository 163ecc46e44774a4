package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.BadReferenceOption;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceLoadOptions;
import dev.tracks.analysis.reference.ReferenceOption;
import dev.tracks.analysis.reference.osm.OsmOptions;
import dev.tracks.analysis.reference.osm.OsmPbfLoad;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.store.DatabaseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reference load admin|places|osm --file F}: one file as a new active load of its kind, atomically; the same file
 * with the same options again changes nothing. The options, their defaults (the worldwide files the README names, so
 * those load with no options) and their checks are {@link ReferenceLoadOptions}, shared with the admin API; each
 * option's description starts with the kind it is for.
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

    @Option(names = "--attribution", description = "Licence and attribution text to keep with the"
            + " data, e.g. \"GeoNames, CC BY 4.0\" (osm: \"" + OsmPbfLoad.ATTRIBUTION + "\" when not given).")
    String attribution;

    @Option(names = "--code-property", description = "admin: property with the area code (default iso_3166_2).")
    String codeProperty;

    @Option(names = "--name-property", description = "admin: property with the area name (default name).")
    String nameProperty;

    @Option(names = "--country-property", description = "admin: properties with the country code, comma-separated,"
            + " first non-empty wins (default iso_a2,adm0_a3).")
    String countryProperty;

    @Option(names = "--level", description = "admin: level of every area, 0 to 10 (default 1).")
    String level;

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

    @Option(names = "--road-classes", description = "osm: highway=* values kept as roads, comma-separated (default "
            + OsmOptions.DEFAULT_ROAD_CLASSES + ").")
    String roadClasses;

    @Option(names = "--rail-classes", description = "osm: railway=* values kept as rails, comma-separated (default "
            + OsmOptions.DEFAULT_RAIL_CLASSES + ").")
    String railClasses;

    @Override
    public Integer call() {
        return ReferenceCommand.execute(spec, database, (db, out) -> {
            ReferenceLoadOptions.FileLoad load;
            try {
                load = new ReferenceLoadOptions(given()).loaderFor(ReferenceLoadOptions.kind(kind),
                        file.getFileName().toString());
            } catch (BadReferenceOption e) {
                throw WorkerFailure.notRetryable(e.option().map(ReferenceOption::cliName).orElse("KIND") + ": "
                        + e.problem());
            }
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw WorkerFailure.notRetryable("--file: cannot read " + file);
            }
            LoadOutcome outcome = load.load(db, file);
            ReferenceLoad loaded = outcome.load();
            out.printf("%s %s load %d: %,d rows from %s (sha256 %s), active%n", switch (outcome.status()) {
                case LOADED -> "loaded";
                case UNCHANGED -> "unchanged, the same file and options are already the active";
                case REACTIVATED -> "reactivated the earlier";
            }, loaded.kind().id(), loaded.id(), loaded.rowCount(), loaded.sourceFile(), loaded.checksum());
        });
    }

    /** The options given on the command line, by the option each is (every option has its {@code cliName} here). */
    private Map<ReferenceOption, String> given() {
        Map<ReferenceOption, String> given = new EnumMap<>(ReferenceOption.class);
        for (ReferenceOption option : ReferenceOption.values()) {
            OptionSpec declared = Objects.requireNonNull(spec.findOption(option.cliName()), option.cliName());
            given.put(option, declared.getValue());
        }
        return given;
    }
}
