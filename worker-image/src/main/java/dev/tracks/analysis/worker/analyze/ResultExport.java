package dev.tracks.analysis.worker.analyze;

import dev.tracks.analysis.skill.Skill;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The result tables as CSV files with a header row; times in UTC ISO-8601 ({@code 2026-06-01T06:01:10.000Z}), distances
 * in metres, speeds in km/h. Each file belongs to the skill that writes its table; the columns are documented in
 * README ("The analyze command").
 */
final class ResultExport {

    /** One exported file: its name, the skill whose results it holds, the query. */
    record CsvFile(String name, Skill skill, String query) {
    }

    private static final String T = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS %s";

    private static String time(String column) {
        return T.formatted(column, column);
    }

    /** @param activityMinutes trip_construction's activity threshold: a stay is an activity when strictly longer */
    static List<CsvFile> files(double activityMinutes) {
        return List.of(
                new CsvFile("point_flags.csv", Skill.OUTLIER_DETECTION, "SELECT user_id, point_id, "
                        + time("recorded_at") + ", reason FROM point_flags ORDER BY user_id, recorded_at, point_id"),
                new CsvFile("movement_segments.csv", Skill.TRANSPORT_MODE, "SELECT user_id, " + time("started_at")
                        + ", " + time("finished_at") + ", n_points, round(length_m::numeric, 1) AS length_m,"
                        + " round(median_speed_kmh::numeric, 2) AS median_speed_kmh,"
                        + " round(p95_speed_kmh::numeric, 2) AS p95_speed_kmh, mode_coarse, mode"
                        + " FROM movement_segments ORDER BY user_id, started_at"),
                new CsvFile("stays.csv", Skill.STAY_DETECTION, "SELECT user_id, stay_id, " + time("started_at") + ", "
                        + time("finished_at") + ", lat, lon, n_points, elevation_m, ((finished_at - started_at)"
                        + " > make_interval(secs => " + activityMinutes * 60 + "))::text AS is_activity"
                        + " FROM stays ORDER BY user_id, started_at"),
                new CsvFile("triplegs.csv", Skill.TRIP_CONSTRUCTION, "SELECT user_id, tripleg_id, "
                        + time("started_at") + ", " + time("finished_at") + ", mode_coarse, mode,"
                        + " round(length_m::numeric, 1) AS length_m, n_points FROM triplegs"
                        + " ORDER BY user_id, started_at"),
                new CsvFile("trips.csv", Skill.TRIP_CONSTRUCTION, "SELECT user_id, trip_id, " + time("started_at")
                        + ", " + time("finished_at") + ", origin_stay_id, destination_stay_id,"
                        + " array_to_string(tripleg_ids, ' ') AS tripleg_ids FROM trips ORDER BY user_id, started_at"),
                new CsvFile("grid_cells.csv", Skill.GRID_SYSTEM, "SELECT user_id, to_hex(cell) AS h3_cell, resolution,"
                        + " visits, n_points, round(dwell_seconds::numeric, 1) AS dwell_seconds, "
                        + time("first_seen") + ", " + time("last_seen") + " FROM grid_cells ORDER BY user_id, cell"),
                new CsvFile("footprints.csv", Skill.FOOTPRINT_STATS, "SELECT * FROM footprints ORDER BY user_id"),
                new CsvFile("locations.csv", Skill.STAY_STATS, "SELECT user_id, location_id, lat, lon, visits,"
                        + " dwell_seconds, " + time("first_visit_at") + ", " + time("last_visit_at") + ", role,"
                        + " array_to_string(stay_ids, ' ') AS stay_ids FROM locations ORDER BY user_id, location_id"),
                new CsvFile("rendering_geometries.csv", Skill.RENDERING_METADATA, "SELECT user_id, trip_id, zoom, "
                        + time("started_at") + ", " + time("finished_at") + ", n_points, zoom_points, south, west,"
                        + " north, east, polyline FROM rendering_geometries ORDER BY user_id, trip_id, zoom"));
    }

    /** Writes the files of the skills that ran into {@code directory}; returns the paths written. */
    static List<Path> write(Connection db, Path directory, Collection<Skill> ran, double activityMinutes)
            throws SQLException, IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (CsvFile file : files(activityMinutes)) {
            if (!ran.contains(file.skill())) {
                continue;
            }
            Path path = directory.resolve(file.name());
            try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                db.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (" + file.query() + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
            }
            written.add(path);
        }
        return written;
    }
}
