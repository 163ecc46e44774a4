package dev.tracks.analysis.worker.slicing;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.grid.GridCellsTable;
import dev.tracks.analysis.worker.grid.GridParams;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * time_space_slicing on the runtime: {@link TimeSlices} over each user's clean fixes, in the cells of the resolution
 * grid_system stored for the user (its catalog default for a user it has no cells of), with the user's local zones
 * ({@link UserTimeZones}).
 */
public final class TimeSpaceSlicingSkill implements StreamSkill<TimeSliceParams, TimeSlice> {

    @Override
    public Skill skill() {
        return Skill.TIME_SPACE_SLICING;
    }

    @Override
    public Class<TimeSliceParams> parameters() {
        return TimeSliceParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(TimeSpaceSlicesTable.DATASET);
    }

    @Override
    public UserAnalysis<TimeSlice> open(Connection db, String userId, Instant from, TimeSliceParams params)
            throws SQLException {
        int resolution = GridCellsTable.resolution(db, userId)
                .orElseGet(() -> SkillParams.defaults(GridParams.class).h3Resolution());
        UserTimeZones.Resolver zones = UserTimeZones.resolver(db, userId, params.timeZone());
        return new TimeSlices(resolution, params, zones::at)::analyze;
    }

    @Override
    public void write(String userId, TimeSlice slice, ResultSink sink) {
        TimeSpaceSlicesTable.write(sink, userId, slice);
    }
}
