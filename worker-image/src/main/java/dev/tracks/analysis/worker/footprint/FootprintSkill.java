package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.location.LocationGenerator;
import dev.tracks.analysis.worker.location.LocationResult;
import dev.tracks.analysis.worker.location.Stay;
import dev.tracks.analysis.worker.location.StayLocation;
import dev.tracks.analysis.worker.location.StayStatsParams;
import dev.tracks.analysis.worker.location.StoredStays;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * footprint_stats on the runtime: {@link FootprintStats} over all of a user's stays, grouped into locations by the
 * same DBSCAN stay_stats uses, with its default parameters (footprint_stats runs before stay_stats in the chain, so
 * it cannot read stay_stats' table), and the number of distinct grid cells.
 */
public final class FootprintSkill implements UserSkill {

    static final ResultTable FOOTPRINTS = ResultTable.perUser("footprints", List.of("user_id", "stays", "locations",
            "distinct_cells", "radius_of_gyration_m", "duration_radius_of_gyration_m", "k", "k_radius_of_gyration_m",
            "random_entropy", "uncorrelated_entropy", "jumps", "jump_min_m", "jump_median_m", "jump_p90_m",
            "jump_max_m", "jump_mean_m", "home_lat", "home_lon", "home_from_night", "max_distance_from_home_m"));

    @Override
    public Skill skill() {
        return Skill.FOOTPRINT_STATS;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(FOOTPRINTS);
    }

    @Override
    public void recompute(Connection db, String userId, SkillParams params, ResultSink sink) throws SQLException {
        List<Stay> stays = StoredStays.of(db, userId);
        LocationResult located = LocationGenerator.generateLocations(stays, StayStatsParams.defaults());
        Map<Long, Integer> locationOf = new HashMap<>();
        for (StayLocation stay : located.stayLocations()) {
            locationOf.put(stay.stayId(), stay.locationId());
        }
        List<VisitedStay> visited = stays.stream().map(stay -> new VisitedStay(stay.id(), stay.startMillis(),
                stay.endMillis(), stay.lat(), stay.lon(), locationOf.getOrDefault(stay.id(), StayLocation.NOISE)))
                .toList();
        int k = params.integer("k");
        Footprint footprint = FootprintStats.compute(visited, distinctCells(db, userId), new FootprintParams(k,
                params.integer("nightStartHour"), params.integer("nightEndHour"), ZoneId.of(params.string("timeZone"))));
        Distribution jumps = footprint.jumpLengthsMeters();
        HomeLocation home = footprint.home();
        sink.row(FOOTPRINTS, userId, footprint.stayCount(), footprint.locationCount(), footprint.distinctCells(),
                footprint.radiusOfGyrationMeters(), footprint.durationRadiusOfGyrationMeters(), k,
                footprint.kRadiusOfGyrationMeters(), footprint.randomEntropy(), footprint.uncorrelatedEntropy(),
                jumps.count(), jumps.min(), jumps.median(), jumps.p90(), jumps.max(), jumps.mean(),
                home == null ? null : home.lat(), home == null ? null : home.lon(),
                home == null ? null : home.fromNight(), footprint.maxDistanceFromHomeMeters());
    }

    private static long distinctCells(Connection db, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT count(DISTINCT cell) FROM grid_cell_visits WHERE user_id = ?")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
