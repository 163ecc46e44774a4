package dev.tracks.analysis.worker.persona;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.footprint.FootprintsTable;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * spatial_persona on the runtime: {@link SpatialPersonas} over the user's footprint, the triplegs' length per mode
 * and the nights at stay_stats' locations ({@link HomeNights}: home is where most nights are spent), counted in the
 * user's zone, else the zone at home. stay_stats' own FREQ home is not used: it needs trackintel's pre-filter (10
 * locations, 10 stays at the location), which most users fail.
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
        Map<Long, Integer> locationOfStay = new HashMap<>();
        Map<Integer, StoredLocation> locations = new HashMap<>();
        for (StoredLocation location : LocationsTable.read(db, userId)) {
            locations.put(location.locationId(), location);
            for (long stayId : location.stayIds()) {
                locationOfStay.put(stayId, location.locationId());
            }
        }
        UserTimeZones.Resolver zones = UserTimeZones.resolver(db, userId, params.timeZone());
        // the nights' zone: where the user most often spends them; in turn found in the zone of the first stay
        ZoneId firstZone = stays.isEmpty() ? params.timeZone()
                : zones.at(stays.get(0).lat(), stays.get(0).lon()).zone();
        HomeNights nights = HomeNights.count(stays, locationOfStay, firstZone, params.nightStartHour(),
                params.nightEndHour());
        if (nights.homeFound()) {
            StoredLocation home = locations.get(nights.homeLocationId());
            ZoneId homeZone = zones.at(home.lat(), home.lon()).zone();
            if (!homeZone.equals(firstZone)) {
                nights = HomeNights.count(stays, locationOfStay, homeZone, params.nightStartHour(),
                        params.nightEndHour());
            }
        }
        Persona persona = SpatialPersonas.profile(FootprintsTable.read(db, userId).orElse(null),
                TriplegsTable.lengthByMode(db, userId), nights, params);
        SpatialPersonasTable.write(sink, userId, persona);
    }
}
