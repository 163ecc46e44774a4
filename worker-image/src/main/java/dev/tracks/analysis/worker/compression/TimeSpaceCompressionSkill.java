package dev.tracks.analysis.worker.compression;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.PerTrip;
import dev.tracks.analysis.worker.trip.TripsTable;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * time_space_compression on the runtime: each trip's clean fixes compressed by {@link TrackCompressor}. A trip is
 * final once a fix after its end has been read; the trip still open at the end of the data is provisional and
 * compressed again by the next run.
 */
public final class TimeSpaceCompressionSkill implements StreamSkill<CompressionParams, CompressedTrip> {

    @Override
    public Skill skill() {
        return Skill.TIME_SPACE_COMPRESSION;
    }

    @Override
    public Class<CompressionParams> parameters() {
        return CompressionParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(CompressedTracksTable.TRACKS, CompressedTracksTable.FIXES);
    }

    @Override
    public UserAnalysis<CompressedTrip> open(Connection db, String userId, Instant from, CompressionParams params)
            throws SQLException {
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        return (fixes, fromIndex) -> compress(fixes, fromIndex, trips, params);
    }

    /** The compressions of the trips that start at or after fix {@code from} ({@link PerTrip}). */
    static StreamResult<CompressedTrip> compress(Fixes fixes, int from, List<TripSpan> trips,
                                                 CompressionParams params) {
        return PerTrip.analyze(fixes, from, trips, (trip, tripFixes, first, end) ->
                TrackCompressor.compress(trip.id(), tripFixes, first, end, params));
    }

    @Override
    public void write(String userId, CompressedTrip trip, ResultSink sink) {
        CompressedTracksTable.write(sink, userId, trip);
    }
}
