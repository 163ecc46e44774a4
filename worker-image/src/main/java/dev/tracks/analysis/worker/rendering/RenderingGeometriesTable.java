package dev.tracks.analysis.worker.rendering;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/** The rendering_geometries dataset: per trip and zoom level, the simplified polyline and its bounds. */
public final class RenderingGeometriesTable {

    public static final SkillDataset DATASET = SkillDataset.timed(Dataset.RENDERING_GEOMETRIES, "started_at",
            List.of("user_id", "trip_id", "zoom", "started_at", "finished_at", "n_points", "zoom_points", "polyline",
                    "south", "west", "north", "east"),
            new CsvExport("rendering_geometries.csv", "rendering_geometries", List.of(Column.of("user_id"),
                    Column.of("trip_id"), Column.of("zoom"), Column.time("started_at"), Column.time("finished_at"),
                    Column.of("n_points"), Column.of("zoom_points"), Column.of("south"), Column.of("west"),
                    Column.of("north"), Column.of("east"),
                    Column.of("polyline", "Google encoded polyline, precision 5")),
                    "user_id, trip_id, zoom"));

    private RenderingGeometriesTable() {
    }

    static void write(ResultSink sink, String userId, long tripId, TrackRendering rendering) {
        for (ZoomGeometry zoom : rendering.zooms()) {
            DATASET.row(sink, userId, tripId, zoom.zoom(), Instant.ofEpochMilli(rendering.startMillis()),
                    Instant.ofEpochMilli(rendering.endMillis()), rendering.fixCount(), zoom.pointCount(),
                    zoom.polyline(), rendering.bounds().south(), rendering.bounds().west(), rendering.bounds().north(),
                    rendering.bounds().east());
        }
    }
}
