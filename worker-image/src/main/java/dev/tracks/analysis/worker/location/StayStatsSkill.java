package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** stay_stats on the runtime: {@link StayStats} over all of a user's stays into locations. */
public final class StayStatsSkill implements UserSkill {

    static final ResultTable LOCATIONS = ResultTable.perUser("locations", List.of("user_id", "location_id", "lat",
            "lon", "visits", "dwell_seconds", "first_visit_at", "last_visit_at", "role", "stay_ids"));

    @Override
    public Skill skill() {
        return Skill.STAY_STATS;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(LOCATIONS);
    }

    @Override
    public void recompute(Connection db, String userId, SkillParams params, ResultSink sink) throws SQLException {
        LocationResult result = StayStats.analyze(StoredStays.of(db, userId),
                new StayStatsParams(params.number("epsilonMeters"), params.integer("minSamples")));
        Map<Integer, List<Long>> staysOf = new TreeMap<>();
        for (StayLocation stay : result.stayLocations()) {
            staysOf.computeIfAbsent(stay.locationId(), id -> new ArrayList<>()).add(stay.stayId());
        }
        for (Location location : result.locations()) {
            sink.row(LOCATIONS, userId, location.locationId(), location.lat(), location.lon(), location.visitCount(),
                    location.totalDwellMillis() / 1000.0, Instant.ofEpochMilli(location.firstVisitMillis()),
                    Instant.ofEpochMilli(location.lastVisitMillis()), location.role().name().toLowerCase(Locale.ROOT),
                    staysOf.getOrDefault(location.locationId(), List.of()));
        }
    }
}
