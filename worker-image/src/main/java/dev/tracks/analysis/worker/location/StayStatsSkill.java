package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** stay_stats on the runtime: {@link StayStats} over all of a user's stays into locations. */
public final class StayStatsSkill implements UserSkill<StayStatsParams> {

    @Override
    public Skill skill() {
        return Skill.STAY_STATS;
    }

    @Override
    public Class<StayStatsParams> parameters() {
        return StayStatsParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(LocationsTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, StayStatsParams params, ResultSink sink)
            throws SQLException {
        LocationResult result = StayStats.analyze(StaysTable.read(db, userId, null), params);
        Map<Integer, List<Long>> staysOf = new TreeMap<>();
        for (StayLocation stay : result.stayLocations()) {
            staysOf.computeIfAbsent(stay.locationId(), id -> new ArrayList<>()).add(stay.stayId());
        }
        for (Location location : result.locations()) {
            LocationsTable.write(sink, userId, location, staysOf.getOrDefault(location.locationId(), List.of()));
        }
    }
}
