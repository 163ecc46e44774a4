package dev.tracks.analysis.worker.rendering;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * rendering_metadata on the runtime: each trip's clean fixes rendered by {@link TrackRenderer} for every zoom level.
 * A trip is final once a fix after its end has been read; the trip still open at the end of the data is provisional
 * and rendered again by the next run.
 */
public final class RenderingSkill implements StreamSkill<RenderingSkill.TripRendering> {

    static final ResultTable GEOMETRIES = new ResultTable("rendering_geometries", List.of("user_id", "trip_id", "zoom",
            "started_at", "finished_at", "n_points", "zoom_points", "polyline", "south", "west", "north", "east"),
            "started_at");

    /** A trip as trip_construction stored it. */
    record TripSpan(long id, long startMillis, long endMillis) {
    }

    /** One trip's rendering. */
    public record TripRendering(long tripId, TrackRendering rendering) {
    }

    @Override
    public Skill skill() {
        return Skill.RENDERING_METADATA;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(GEOMETRIES);
    }

    @Override
    public UserAnalysis<TripRendering> open(Connection db, String userId, Instant from, SkillParams params)
            throws SQLException {
        RenderingParams rendering = new RenderingParams(params.integer("minZoom"), params.integer("maxZoom"),
                params.number("tolerancePixels"));
        List<TripSpan> trips = trips(db, userId, from);
        return (fixes, fromIndex) -> render(fixes, fromIndex, trips, rendering);
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
            int first = firstAtOrAfter(fixes, from, trip.startMillis());
            int end = firstAtOrAfter(fixes, first, trip.endMillis() + 1);
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

    private static int firstAtOrAfter(Fixes fixes, int start, long millis) {
        int index = start;
        while (index < fixes.size() && fixes.time(index) < millis) {
            index++;
        }
        return index;
    }

    @Override
    public void write(String userId, TripRendering trip, ResultSink sink) {
        TrackRendering rendering = trip.rendering();
        for (ZoomGeometry zoom : rendering.zooms()) {
            sink.row(GEOMETRIES, userId, trip.tripId(), zoom.zoom(), Instant.ofEpochMilli(rendering.startMillis()),
                    Instant.ofEpochMilli(rendering.endMillis()), rendering.fixCount(), zoom.pointCount(),
                    zoom.polyline(), rendering.bounds().south(), rendering.bounds().west(), rendering.bounds().north(),
                    rendering.bounds().east());
        }
    }

    private static List<TripSpan> trips(Connection db, String userId, Instant from) throws SQLException {
        List<TripSpan> trips = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT trip_id, started_at, finished_at FROM trips"
                + " WHERE user_id = ? AND (?::timestamptz IS NULL OR finished_at >= ?) ORDER BY started_at")) {
            OffsetDateTime bound = from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
            query.setString(1, userId);
            query.setObject(2, bound);
            query.setObject(3, bound);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    trips.add(new TripSpan(row.getLong(1),
                            row.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli(),
                            row.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli()));
                }
            }
        }
        return trips;
    }
}
