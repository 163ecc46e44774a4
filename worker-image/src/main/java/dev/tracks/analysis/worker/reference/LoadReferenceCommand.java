package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.BadReferenceOption;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceLoadOptions;
import dev.tracks.analysis.reference.ReferenceOption;
import dev.tracks.analysis.reference.ReferenceOptionHelp;
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

    @Option(names = "--attribution", description = ReferenceOptionHelp.ATTRIBUTION)
    String attribution;

    @Option(names = "--code-property", description = ReferenceOptionHelp.CODE_PROPERTY)
    String codeProperty;

    @Option(names = "--name-property", description = ReferenceOptionHelp.NAME_PROPERTY)
    String nameProperty;

    @Option(names = "--country-property", description = ReferenceOptionHelp.COUNTRY_PROPERTY)
    String countryProperty;

    @Option(names = "--level", description = ReferenceOptionHelp.LEVEL)
    String level;

    @Option(names = "--level-property", description = ReferenceOptionHelp.LEVEL_PROPERTY)
    String levelProperty;

    @Option(names = "--format", description = ReferenceOptionHelp.FORMAT)
    String format;

    @Option(names = "--name-column", description = ReferenceOptionHelp.NAME_COLUMN)
    String nameColumn;

    @Option(names = "--lat-column", description = ReferenceOptionHelp.LAT_COLUMN)
    String latColumn;

    @Option(names = "--lon-column", description = ReferenceOptionHelp.LON_COLUMN)
    String lonColumn;

    @Option(names = "--country-column", description = ReferenceOptionHelp.COUNTRY_COLUMN)
    String countryColumn;

    @Option(names = "--admin1-column", description = ReferenceOptionHelp.ADMIN1_COLUMN)
    String admin1Column;

    @Option(names = "--admin2-column", description = ReferenceOptionHelp.ADMIN2_COLUMN)
    String admin2Column;

    @Option(names = "--population-column", description = ReferenceOptionHelp.POPULATION_COLUMN)
    String populationColumn;

    @Option(names = "--road-classes", description = ReferenceOptionHelp.ROAD_CLASSES)
    String roadClasses;

    @Option(names = "--rail-classes", description = ReferenceOptionHelp.RAIL_CLASSES)
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
