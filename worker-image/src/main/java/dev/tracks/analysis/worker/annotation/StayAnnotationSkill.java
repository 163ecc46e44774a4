package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable;
import dev.tracks.analysis.worker.location.FreqPreFilter;
import dev.tracks.analysis.worker.location.LocationsTable;
import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.reference.ReferenceData;
import dev.tracks.analysis.worker.reference.places.Places;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * stay_annotation on the runtime: per user, recomputed whole from what stay_stats (stays, locations) and geocoding
 * (admin_visits) wrote: {@link RoleIdentification} gives each location its roles, {@link AdminUnits} its admin units,
 * {@link PlaceAnnotation} its place. Local times are in the user's zone setting, else the zone at each stay, else the
 * {@code timeZone} parameter. Places are an optional enrichment: the active places load is resolved once per task
 * ({@link #forTask}); without one the place columns stay empty, and a load made later marks the results stale (the
 * skill reads the places dataset). Defaults: method FREQ, preFilter true, placeRadiusMeters 5000.
 */
public final class StayAnnotationSkill implements UserSkill<StayAnnotationParams> {

    /** The task's places (empty: none loaded); null in the registry's instance, which only makes task instances. */
    private final Optional<Places> places;

    public StayAnnotationSkill() {
        this(null);
    }

    private StayAnnotationSkill(Optional<Places> places) {
        this.places = places;
    }

    @Override
    public Skill skill() {
        return Skill.STAY_ANNOTATION;
    }

    @Override
    public Class<StayAnnotationParams> parameters() {
        return StayAnnotationParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(StayAnnotationsTable.DATASET);
    }

    @Override
    public UserSkill<StayAnnotationParams> forTask(Connection db, StayAnnotationParams params) throws SQLException {
        return new StayAnnotationSkill(ReferenceData.optionalPlaces(db));
    }

    @Override
    public void recompute(Connection db, String userId, StayAnnotationParams params, ResultSink sink)
            throws SQLException {
        if (places == null) {
            throw new IllegalStateException("stay_annotation annotates users of a task: recompute on forTask's skill");
        }
        List<StoredLocation> locations = LocationsTable.read(db, userId);
        if (locations.isEmpty()) {
            return;
        }
        List<StoredStay> stays = StaysTable.read(db, userId, null);
        UserTimeZones.Resolver zones = UserTimeZones.resolver(db, userId, params.timeZone());
        List<List<StoredStay>> located = LocatedStays.byLocation(stays, locations);
        List<LocationRoles> roles = RoleIdentification.identify(stays, locations, located, zones,
                params.preFilter() ? FreqPreFilter.TRACKINTEL_DEFAULTS : FreqPreFilter.NONE);
        AdminUnits admin = new AdminUnits(AdminVisitsTable.read(db, userId));
        Long placesLoadId = places.map(Places::loadId).orElse(null);
        for (int i = 0; i < locations.size(); i++) {
            StoredLocation location = locations.get(i);
            StayAnnotationsTable.write(sink, userId, location, roles.get(i), params.method(),
                    places.flatMap(loaded -> PlaceAnnotation.of(loaded, location.lat(), location.lon(),
                            params.placeRadiusMeters())).orElse(null), placesLoadId, admin.of(located.get(i)));
        }
    }
}
