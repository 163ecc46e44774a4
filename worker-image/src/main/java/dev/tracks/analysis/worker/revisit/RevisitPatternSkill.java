package dev.tracks.analysis.worker.revisit;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.location.LocationsTable;
import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * revisit_pattern on the runtime: {@link RevisitPatterns} over stay_stats' locations and the stays they list, the
 * local days in the user's zone, else the zone at the most visited location (one polygon lookup per user, not per
 * location: the lookups near detailed borders were most of the skill's time).
 */
public final class RevisitPatternSkill implements UserSkill<RevisitParams> {

    @Override
    public Skill skill() {
        return Skill.REVISIT_PATTERN;
    }

    @Override
    public Class<RevisitParams> parameters() {
        return RevisitParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(RevisitPatternsTable.REVISITS, RevisitPatternsTable.GROWTH);
    }

    @Override
    public void recompute(Connection db, String userId, RevisitParams params, ResultSink sink) throws SQLException {
        List<VisitedPlace> places = new ArrayList<>();
        Map<Long, Integer> locationOfStay = new HashMap<>();
        StoredLocation mostVisited = null;
        for (StoredLocation location : LocationsTable.read(db, userId)) {
            places.add(new VisitedPlace(location.locationId(), location.lat(), location.lon()));
            for (long stayId : location.stayIds()) {
                locationOfStay.put(stayId, location.locationId());
            }
            if (mostVisited == null || location.stayIds().length > mostVisited.stayIds().length) {
                mostVisited = location;
            }
        }
        List<Visit> visits = new ArrayList<>();
        for (StoredStay stay : StaysTable.read(db, userId, null)) {
            Integer locationId = locationOfStay.get(stay.id());
            if (locationId != null) { // DBSCAN noise (stay_stats' minSamples above 1) is no location to revisit
                visits.add(new Visit(stay.startMillis(), locationId));
            }
        }
        ZoneId zone = mostVisited == null ? params.timeZone()
                : UserTimeZones.resolver(db, userId, params.timeZone()).at(mostVisited.lat(), mostVisited.lon())
                        .zone();
        Revisits revisits = RevisitPatterns.analyze(places, visits, params.minVisits(), zone);
        revisits.locations().forEach(location -> RevisitPatternsTable.write(sink, userId, location));
        revisits.growth().forEach(step -> RevisitPatternsTable.write(sink, userId, step));
    }
}
