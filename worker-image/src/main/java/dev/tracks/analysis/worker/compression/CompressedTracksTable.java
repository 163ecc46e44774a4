package dev.tracks.analysis.worker.compression;

import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.time.Instant;
import java.util.List;

/**
 * The compressed_tracks dataset (per trip and method: fixes in and out, ratio, SED error) and compressed_fixes (the
 * compressed tracks, a row per fix). Both are ordered by the trip's start, so a trip's rows are replaced together.
 */
public final class CompressedTracksTable {

    public static final SkillDataset TRACKS = SkillDataset.timed(Dataset.COMPRESSED_TRACKS, "started_at",
            List.of("user_id", "trip_id", "method", "started_at", "finished_at", "tolerance_m", "fixes_in",
                    "fixes_out", "ratio", "max_sed_m", "mean_sed_m"),
            new CsvExport("compressed_tracks.csv", "compressed_tracks", List.of(Column.of("user_id"),
                    Column.of("trip_id"), Column.of("method", "TD_TR, DOUGLAS_PEUCKER or SKMOB_RADIUS"),
                    Column.time("started_at"), Column.time("finished_at"), Column.of("tolerance_m"),
                    Column.of("fixes_in"), Column.of("fixes_out"),
                    new Column("ratio", settings -> "round(ratio::numeric, 4)", "fixes_out / fixes_in"),
                    new Column("max_sed_m", settings -> "round(max_sed_m::numeric, 1)",
                            "largest time-synchronised distance of a replaced fix from the compressed track"),
                    Column.rounded("mean_sed_m", 1)),
                    "user_id, started_at, method"));

    public static final SkillDataset FIXES = SkillDataset.timed(Dataset.COMPRESSED_FIXES, "started_at",
            List.of("user_id", "trip_id", "method", "started_at", "seq", "recorded_at", "lat", "lon"),
            new CsvExport("compressed_fixes.csv", "compressed_fixes", List.of(Column.of("user_id"),
                    Column.of("trip_id"), Column.of("method"), Column.of("seq"), Column.time("recorded_at"),
                    Column.of("lat"), Column.of("lon")),
                    "user_id, started_at, method, seq"));

    private CompressedTracksTable() {
    }

    static void write(ResultSink sink, String userId, CompressedTrip trip) {
        Instant start = Instant.ofEpochMilli(trip.startMillis());
        Instant end = Instant.ofEpochMilli(trip.endMillis());
        for (TrackCompression compression : trip.compressions()) {
            String method = compression.method().name();
            TRACKS.row(sink, userId, trip.tripId(), method, start, end, trip.toleranceMeters(),
                    compression.fixesIn(), compression.fixes().size(), compression.ratio(),
                    compression.maxSedMeters(), compression.meanSedMeters());
            List<CompressedFix> fixes = compression.fixes();
            for (int seq = 0; seq < fixes.size(); seq++) {
                CompressedFix fix = fixes.get(seq);
                FIXES.row(sink, userId, trip.tripId(), method, start, seq, Instant.ofEpochMilli(fix.millis()),
                        fix.lat(), fix.lon());
            }
        }
    }
}
