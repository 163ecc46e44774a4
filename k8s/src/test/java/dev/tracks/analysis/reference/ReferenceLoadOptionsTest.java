package dev.tracks.analysis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks the command line and the admin API share, before any file is read or database reached. */
class ReferenceLoadOptionsTest {

    private static BadReferenceOption refusal(ReferenceKind kind, String fileName, Map<ReferenceOption, String> given) {
        try {
            new ReferenceLoadOptions(given).loaderFor(kind, fileName);
        } catch (BadReferenceOption e) {
            return e;
        }
        throw new AssertionError("accepted " + given);
    }

    @Test
    void theDefaultsNeedNoOptionsAndAGazetteersNameTellsItsFormat() {
        assertThat(new ReferenceLoadOptions(Map.of()).loaderFor(ReferenceKind.ADMIN, "admin1.json")).isNotNull();
        assertThat(new ReferenceLoadOptions(Map.of()).loaderFor(ReferenceKind.PLACES, "Cities.JSON")).isNotNull();
        assertThat(new ReferenceLoadOptions(Map.of(ReferenceOption.ROAD_CLASSES, "footway, steps"))
                .loaderFor(ReferenceKind.OSM, "helsinki.osm.pbf")).isNotNull();
        assertThat(new ReferenceLoadOptions(Map.of(ReferenceOption.FORMAT, "CSV", ReferenceOption.COUNTRY_COLUMN, ""))
                .loaderFor(ReferenceKind.PLACES, "upload")).isNotNull();
    }

    @Test
    void eachRefusalNamesTheOptionAndWhatIsAllowed() {
        BadReferenceOption foreign = refusal(ReferenceKind.PLACES, "a.csv", Map.of(ReferenceOption.LEVEL, "1"));
        assertThat(foreign.option()).contains(ReferenceOption.LEVEL);
        assertThat(foreign.problem()).isEqualTo("only for admin loads, not places");
        assertThat(refusal(ReferenceKind.ADMIN, "a.json", Map.of(ReferenceOption.LAT_COLUMN, "y")).getMessage())
                .isEqualTo("lat_column: only for places loads, not admin");
        assertThat(refusal(ReferenceKind.ADMIN, "a.json", Map.of(ReferenceOption.LEVEL, "one")).getMessage())
                .isEqualTo("level: must be an integer between 0 and 10, got 'one'");
        assertThat(refusal(ReferenceKind.ADMIN, "a.json", Map.of(ReferenceOption.LEVEL, "-1")).option())
                .contains(ReferenceOption.LEVEL);
        assertThat(refusal(ReferenceKind.ADMIN, "a.json", Map.of(ReferenceOption.LEVEL, "2",
                ReferenceOption.LEVEL_PROPERTY, "admin_level")).getMessage())
                .isEqualTo("level_property: give a level or a level property, not both");
        assertThat(refusal(ReferenceKind.ADMIN, "a.json", Map.of(ReferenceOption.COUNTRY_PROPERTY, " , ")).option())
                .contains(ReferenceOption.COUNTRY_PROPERTY);
        assertThat(refusal(ReferenceKind.ADMIN, "a.json", Map.of(ReferenceOption.CODE_PROPERTY, "")).getMessage())
                .isEqualTo("code_property: must not be empty (default iso_3166_2)");
        assertThat(refusal(ReferenceKind.PLACES, "a.csv", Map.of(ReferenceOption.FORMAT, "xml")).getMessage())
                .isEqualTo("format: must be csv or json, got 'xml'");
        assertThat(refusal(ReferenceKind.PLACES, "towns.txt", Map.of()).getMessage()).isEqualTo("format: cannot tell"
                + " the format of 'towns.txt': name the file .csv or .json, or give the format (csv or json)");
        assertThat(refusal(ReferenceKind.OSM, "roads.osm.pbf", Map.of(ReferenceOption.RAIL_CLASSES, "tram,"))
                .getMessage()).isEqualTo("rail_classes: give railway=* values separated by commas, none empty, got 'tram,'");
    }

    @Test
    void aKindIsOneOfTheKnownOnes() {
        assertThat(ReferenceLoadOptions.kind("places")).isEqualTo(ReferenceKind.PLACES);
        assertThatThrownBy(() -> ReferenceLoadOptions.kind("roads")).isInstanceOf(BadReferenceOption.class)
                .hasMessage("kind: must be one of [admin, places, osm], got 'roads'");
    }

    @Test
    void theCommandLineAndTheApiNameAnOptionAlike() {
        assertThat(ReferenceOption.ADMIN1_COLUMN.apiName()).isEqualTo("admin1_column");
        assertThat(ReferenceOption.ADMIN1_COLUMN.cliName()).isEqualTo("--admin1-column");
        assertThat(ReferenceOption.ofStoredKey(ReferenceKind.PLACES, "lon")).contains(ReferenceOption.LON_COLUMN);
        assertThat(ReferenceOption.ofStoredKey(ReferenceKind.ADMIN, "countryProperties"))
                .contains(ReferenceOption.COUNTRY_PROPERTY);
    }
}
