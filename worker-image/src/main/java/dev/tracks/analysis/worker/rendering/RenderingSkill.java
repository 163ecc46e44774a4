package dev.tracks.analysis.worker.rendering;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.TripsTable;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * rendering_metadata on the runtime: each trip's clean fixes rendered by {@link TrackRenderer} for every zoom level.
 * A trip is final once a fix after its end has been read; the trip still open at the end of the data is provisional
 * and rendered again by the next run.
 */
public final class RenderingSkill implements StreamSkill<RenderingParams, RenderingSkill.TripRendering> {

    /** One trip's rendering. */
    public record TripRendering(long tripId, TrackRendering rendering) {
    }

    @Override
    public Skill skill() {
        return Skill.RENDERING_METADATA;
    }

    @Override
    public Class<RenderingParams> parameters() {
        return RenderingParams.class;
    }

    @Override
    public List<SkillDataset> datasets() {
        return List.of(RenderingGeometriesTable.DATASET);
    }

    @Override
    public UserAnalysis<TripRendering> open(Connection db, String userId, Instant from, RenderingParams params)
            throws SQLException {
        List<TripSpan> trips = TripsTable.spans(db, userId, from);
        return (fixes, fromIndex) -> render(fixes, fromIndex, trips, params);
    }

    static StreamResult<TripRendering> render(Fixes fixes, int from, List<TripSpan> trips, RenderingParams params) {
        List<TripRendering> finals = new ArrayList<>();
        List<TripRendering> provisional = new ArrayList<>();
        int resume = fixes.size();
        if (from >= fixes.size()) {
            return new StreamResult<>(finals, provisional, resume, resume);
        }
        long firstTime = fixes.time(from);
        long lastTime = fixes.time(fixes.size() - 1);
        for (TripSpan trip : trips) {
            if (trip.startMillis() < firstTime || trip.startMillis() > lastTime) {
                continue;
            }
            int first = fixes.firstAtOrAfter(from, trip.startMillis());
            int end = fixes.firstAtOrAfter(first, trip.endMillis() + 1);
            if (end == first) {
                continue;
            }
            TripRendering rendered = new TripRendering(trip.id(), TrackRenderer.render(fixes, first, end, params));
            if (trip.endMillis() < lastTime) {
                finals.add(rendered);
            } else {
                provisional.add(rendered);
                resume = Math.min(resume, first);
            }
        }
        while (resume < fixes.size() && resume > from && fixes.time(resume - 1) == fixes.time(resume)) {
            resume--;
        }
        return new StreamResult<>(finals, provisional, resume, resume);
    }

    @Override
    public void write(String userId, TripRendering trip, ResultSink sink) {
        RenderingGeometriesTable.write(sink, userId, trip.tripId(), trip.rendering());
    }
}
