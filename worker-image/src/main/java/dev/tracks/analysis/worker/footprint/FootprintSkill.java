package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.grid.GridCellsTable;
import dev.tracks.analysis.worker.location.LocationGenerator;
import dev.tracks.analysis.worker.location.LocationResult;
import dev.tracks.analysis.worker.location.StayLocation;
import dev.tracks.analysis.worker.location.StayStatsParams;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.stay.StaysTable;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * footprint_stats on the runtime: {@link FootprintStats} over all of a user's stays, grouped into locations by the
 * same DBSCAN stay_stats uses, with stay_stats' catalog defaults (footprint_stats runs before stay_stats in the
 * chain, so it cannot read stay_stats' table), and the number of distinct grid cells.
 */
public final class FootprintSkill implements UserSkill<FootprintParams> {

    @Override
    public Skill skill() {
        return Skill.FOOTPRINT_STATS;
    }

    @Override
    public Class<FootprintParams> parameters() {
        return FootprintParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(FootprintsTable.DATASET);
    }

    @Override
    public void recompute(Connection db, String userId, FootprintParams params, ResultSink sink)
            throws SQLException {
        List<StoredStay> stays = StaysTable.read(db, userId, null);
        LocationResult located = LocationGenerator.generateLocations(stays,
                SkillParams.defaults(StayStatsParams.class));
        Map<Long, Integer> locationOf = new HashMap<>();
        for (StayLocation stay : located.stayLocations()) {
            locationOf.put(stay.stayId(), stay.locationId());
        }
        List<VisitedStay> visited = stays.stream().map(stay -> new VisitedStay(stay.id(), stay.startMillis(),
                stay.endMillis(), stay.lat(), stay.lon(), locationOf.getOrDefault(stay.id(), StayLocation.NOISE)))
                .toList();
        Footprint footprint = FootprintStats.compute(visited, GridCellsTable.distinctCells(db, userId), params);
        FootprintsTable.write(sink, userId, footprint, params.k());
    }
}
