package dev.tracks.analysis.worker.timeaxis;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.location.LocationRole;
import dev.tracks.analysis.worker.location.LocationsTable;
import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * time_axis_map on the runtime: {@link SpaceTimePath} over all of a user's fixes, stays and locations, recomputed per
 * user (a new home moves every bin's distance from home).
 */
public final class TimeAxisMapSkill implements UserFixesSkill<TimeAxisParams> {

    @Override
    public Skill skill() {
        return Skill.TIME_AXIS_MAP;
    }

    @Override
    public Class<TimeAxisParams> parameters() {
        return TimeAxisParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(TimeAxisEntriesTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, UserFixes fixes, TimeAxisParams params, ResultSink sink)
            throws SQLException {
        List<StoredLocation> locations = LocationsTable.read(db, userId);
        Map<Long, StoredLocation> locationOfStay = new HashMap<>();
        double[] home = null;
        for (StoredLocation location : locations) {
            for (long stayId : location.stayIds()) {
                locationOfStay.put(stayId, location);
            }
            if (location.role() == LocationRole.HOME) {
                home = new double[] {location.lat(), location.lon()};
            }
        }
        List<StayPlace> stays = StaysTable.read(db, userId, null).stream().map(stay -> place(stay,
                locationOfStay.get(stay.id()))).toList();
        SpaceTimePath path = new SpaceTimePath(UserTimeZones.resolver(db, userId, params.timeZone()), params, stays,
                home);
        fixes.forEach(path::addFix);
        for (TimeAxisEntry entry : path.finish()) {
            TimeAxisEntriesTable.write(sink, userId, entry);
        }
    }

    private static StayPlace place(StoredStay stay, StoredLocation location) {
        return new StayPlace(stay.startMillis(), stay.endMillis(), stay.lat(), stay.lon(),
                location == null ? null : location.locationId(), location == null ? null : location.role());
    }
}
