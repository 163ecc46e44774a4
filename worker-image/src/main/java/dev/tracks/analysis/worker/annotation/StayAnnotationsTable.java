package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.reference.places.Place;
import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.location.LocationRole;
import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.reference.places.NearestPlace;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The stay_annotations dataset: per location, its roles, place and admin units, replaced whole per user. */
public final class StayAnnotationsTable {

    private static final String ROLES = "home, work, other";

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.STAY_ANNOTATIONS, List.of("user_id",
            "location_id", "lat", "lon", "role", "method", "confidence", "freq_role", "osna_role", "night_role",
            "dwell_seconds", "osna_home_seconds", "osna_work_seconds", "night_seconds", "place_name",
            "place_country", "place_admin1", "place_admin2", "place_distance_m", "places_load_id", "admin0_code",
            "admin1_code", "admin2_code", "admin_name", "stay_ids"),
            new CsvExport("stay_annotations.csv", "stay_annotations", List.of(Column.of("user_id"),
                    Column.of("location_id"), Column.of("lat"), Column.of("lon"), Column.of("role", ROLES),
                    Column.of("method", "FREQ, OSNA, NIGHT"),
                    Column.rounded("confidence", 3), Column.of("freq_role", ROLES), Column.of("osna_role", ROLES),
                    Column.of("night_role", ROLES), Column.rounded("dwell_seconds", 1),
                    Column.rounded("osna_home_seconds", 1), Column.rounded("osna_work_seconds", 1),
                    Column.rounded("night_seconds", 1), Column.of("place_name", "empty: no place within"
                            + " placeRadiusMeters, or no places loaded"), Column.of("place_country"),
                    Column.of("place_admin1"), Column.of("place_admin2"), Column.rounded("place_distance_m", 1),
                    Column.of("places_load_id", "empty: no places loaded"), Column.of("admin0_code"),
                    Column.of("admin1_code"), Column.of("admin2_code"), Column.of("admin_name"),
                    Column.spaced("stay_ids", "space-separated")), "user_id, location_id"));

    private StayAnnotationsTable() {
    }

    /**
     * @param place the location's place, or null
     * @param placesLoadId the places load read, or null when none is active
     * @param units the admin unit per level, entries null where none
     */
    static void write(ResultSink sink, String userId, StoredLocation location, LocationRoles roles,
                      RoleMethod method, NearestPlace place, Long placesLoadId, AdminUnits.Unit[] units) {
        Place named = place == null ? null : place.place();
        String deepestName = null;
        for (AdminUnits.Unit unit : units) {
            deepestName = unit == null ? deepestName : unit.name();
        }
        DATASET.row(sink, userId, location.locationId(), location.lat(), location.lon(),
                label(roles.by(method).role()), method.name(), roles.by(method).confidence(),
                label(roles.freq().role()), label(roles.osna().role()), label(roles.night().role()),
                roles.dwellMillis() / 1000.0, roles.osnaHomeMillis() / 1000.0, roles.osnaWorkMillis() / 1000.0,
                roles.nightMillis() / 1000.0, named == null ? null : named.name(),
                named == null ? null : named.country(), named == null ? null : named.admin1(),
                named == null ? null : named.admin2(), place == null ? null : place.distanceMeters(), placesLoadId,
                code(units[0]), code(units[1]), code(units[2]), deepestName,
                Arrays.stream(location.stayIds()).boxed().toList());
    }

    private static String code(AdminUnits.Unit unit) {
        return unit == null ? null : unit.code();
    }

    private static String label(LocationRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
