package dev.tracks.analysis.worker.persona;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.footprint.FootprintsTable;
import dev.tracks.analysis.worker.location.LocationRole;
import dev.tracks.analysis.worker.location.LocationsTable;
import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.trip.TriplegsTable;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * spatial_persona on the runtime: {@link SpatialPersonas} over the user's footprint, the triplegs' length per mode
 * and the nights at stay_stats' home location, counted in the user's zone, else the zone at home (at the first stay
 * without a home).
 */
public final class SpatialPersonaSkill implements UserSkill<PersonaParams> {

    @Override
    public Skill skill() {
        return Skill.SPATIAL_PERSONA;
    }

    @Override
    public Class<PersonaParams> parameters() {
        return PersonaParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(SpatialPersonasTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, PersonaParams params, ResultSink sink) throws SQLException {
        List<StoredStay> stays = StaysTable.read(db, userId, null);
        StoredLocation home = LocationsTable.read(db, userId).stream()
                .filter(location -> location.role() == LocationRole.HOME).findFirst().orElse(null);
        UserTimeZones.Resolver zones = UserTimeZones.resolver(db, userId, params.timeZone());
        ZoneId zone = home != null ? zones.at(home.lat(), home.lon()).zone()
                : stays.isEmpty() ? params.timeZone() : zones.at(stays.get(0).lat(), stays.get(0).lon()).zone();
        Set<Long> homeStays = home == null ? null
                : Arrays.stream(home.stayIds()).boxed().collect(Collectors.toSet());
        HomeNights nights = HomeNights.count(stays, homeStays, zone, params.nightStartHour(), params.nightEndHour());
        Persona persona = SpatialPersonas.profile(FootprintsTable.read(db, userId).orElse(null),
                TriplegsTable.lengthByMode(db, userId), nights, params);
        SpatialPersonasTable.write(sink, userId, persona);
    }
}
