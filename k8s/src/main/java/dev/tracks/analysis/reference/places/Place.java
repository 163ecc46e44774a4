package dev.tracks.analysis.reference.places;

import dev.tracks.analysis.reference.BadReferenceFile;

/**
 * A gazetteer place.
 *
 * @param country country code as the file gives it (GeoNames: ISO 3166-1 alpha-2), or ""
 * @param admin1 first-level admin name or code as the file gives it, or ""
 * @param admin2 second-level admin name or code as the file gives it, or ""
 * @param population the population when the file has it, else null
 */
public record Place(String name, double lat, double lon, String country, String admin1, String admin2,
                    Long population) {

    /**
     * A place from the text values of one record, checked: a name (possibly empty), a latitude in [-90, 90], a longitude in
     * [-180, 180], a population (when given) that is a whole number >= 0. {@code where} names the record in errors.
     */
    static Place parse(String where, PlaceFields fields, String name, String lat, String lon, String country,
                       String admin1, String admin2, String population) {
        if (name == null) {
            // An empty name is kept (rg_cities1000.csv has two); a record without the field is a wrong field name.
            throw new BadReferenceFile(where, "\"" + fields.name() + "\" is missing; every place needs the field"
                    + " (it may be empty)");
        }
        double latitude = degrees(where, fields.lat(), lat, 90);
        double longitude = degrees(where, fields.lon(), lon, 180);
        Long people = null;
        if (population != null && !population.isBlank()) {
            try {
                people = Long.parseLong(population.trim());
            } catch (NumberFormatException e) {
                people = -1L;
            }
            if (people < 0) {
                throw new BadReferenceFile(where, "\"" + fields.population() + "\" must be a whole number >= 0, got \""
                        + population + "\"");
            }
        }
        return new Place(name.trim(), latitude, longitude, orEmpty(country), orEmpty(admin1), orEmpty(admin2), people);
    }

    private static double degrees(String where, String field, String value, double limit) {
        double degrees;
        try {
            degrees = Double.parseDouble(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            degrees = Double.NaN;
        }
        if (!(degrees >= -limit && degrees <= limit)) {
            throw new BadReferenceFile(where, "invalid coordinates: \"" + field + "\" must be a number of degrees in"
                    + " [-" + (int) limit + ", " + (int) limit + "], got " + (value == null ? "none" : "\"" + value
                    + "\""));
        }
        return degrees;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
