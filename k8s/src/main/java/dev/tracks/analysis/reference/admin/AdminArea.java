package dev.tracks.analysis.reference.admin;

/**
 * An administrative area as a lookup returns it.
 *
 * @param level 0 country, 1 state/province, 2 county/district (as the load's options said)
 * @param code the area's code, e.g. ISO 3166-2 "AR-E"
 * @param country the country code the file gives, or "" when none
 */
public record AdminArea(int level, String code, String country, String name) {
}
