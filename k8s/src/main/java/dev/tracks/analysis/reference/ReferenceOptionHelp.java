package dev.tracks.analysis.reference;

import dev.tracks.analysis.reference.osm.OsmOptions;
import dev.tracks.analysis.reference.osm.OsmPbfLoad;

/**
 * The help of each {@link ReferenceOption}, as compile-time constants so that the command line's {@code @Option} and
 * the admin API's {@code @Schema} annotations show the same text.
 */
public final class ReferenceOptionHelp {

    public static final String ATTRIBUTION = "Licence and attribution text kept with the data, e.g. \"GeoNames, CC BY"
            + " 4.0\" (osm: \"" + OsmPbfLoad.ATTRIBUTION + "\" when not given).";
    public static final String CODE_PROPERTY = "admin: property with the area code (default iso_3166_2).";
    public static final String NAME_PROPERTY = "admin: property with the area name (default name).";
    public static final String COUNTRY_PROPERTY = "admin: properties with the country code, comma-separated, first"
            + " non-empty wins (default iso_a2,adm0_a3).";
    public static final String LEVEL = "admin: level of every area, 0 to 10 (default 1).";
    public static final String LEVEL_PROPERTY = "admin: property with each area's level, instead of the level option.";
    public static final String FORMAT = "places: csv or json (default: by the file name).";
    public static final String NAME_COLUMN = "places: column or field of the name (default name).";
    public static final String LAT_COLUMN = "places: latitude (default lat).";
    public static final String LON_COLUMN = "places: longitude (default lon for CSV, lng for JSON).";
    public static final String COUNTRY_COLUMN = "places: country code (default cc for CSV, country for JSON; empty for"
            + " none).";
    public static final String ADMIN1_COLUMN = "places: first-level admin (default admin1; empty for none).";
    public static final String ADMIN2_COLUMN = "places: second-level admin (default admin2; empty for none).";
    public static final String POPULATION_COLUMN = "places: population (default none).";
    public static final String ROAD_CLASSES = "osm: highway=* values kept as roads, comma-separated (default "
            + OsmOptions.DEFAULT_ROAD_CLASSES + ").";
    public static final String RAIL_CLASSES = "osm: railway=* values kept as rails, comma-separated (default "
            + OsmOptions.DEFAULT_RAIL_CLASSES + ").";

    private ReferenceOptionHelp() {
    }
}
