package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.problem.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's results as the map reads them, straight from the skills' tables: stays (stay_detection), trips with the
 * mode of their longest tripleg (trip_construction) drawn as their rendering polylines of one zoom
 * (rendering_metadata), and the footprint row (footprint_stats). Read only.
 */
@ApplicationScoped
public class UserResults {

    /** The users offered by the page's picker: those with a footprint, one row each. */
    private static final int USERS_LISTED = 500;

    private final AgroalDataSource dataSource;

    UserResults(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The bounding box of what there is to draw, in degrees; west > east when it crosses the antimeridian. */
    public record Extent(double south, double west, double north, double east) {
    }

    /** The first view of a user's map: the extent of trips and stays, the zoom levels prepared, the stays. */
    public record Overview(Extent extent, List<Integer> zooms, List<Stay> stays) {
    }

    public record Stay(long id, double lat, double lon, int points, OffsetDateTime startedAt,
                       OffsetDateTime finishedAt) {
    }

    /**
     * A trip at one zoom.
     *
     * @param mode the mode of its longest tripleg ("unknown" when it has none recorded)
     * @param polyline Google's encoded polyline (precision 5, latitude first), as rendering_metadata wrote it
     */
    public record Trip(long id, String mode, OffsetDateTime startedAt, OffsetDateTime finishedAt, int points,
                       int zoomPoints, String polyline) {
    }

    List<String> users() {
        return read("SELECT user_id FROM footprints ORDER BY user_id LIMIT " + USERS_LISTED, query -> {
        }, rows -> rows.getString(1));
    }

    Overview overview(String user) {
        List<Extent> extents = read("SELECT min(south), min(west), max(north), max(east) FROM user_render_extents"
                + " WHERE user_id = ? UNION ALL SELECT min(lat), min(lon), max(lat), max(lon) FROM stays"
                + " WHERE user_id = ?", query -> {
                    query.setString(1, user);
                    query.setString(2, user);
                }, rows -> rows.getObject(1) == null ? null
                        : new Extent(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4)));
        List<Integer> zooms = read("SELECT DISTINCT zoom FROM rendering_geometries WHERE user_id = ? ORDER BY zoom",
                query -> query.setString(1, user), rows -> rows.getInt(1));
        List<Stay> stays = read("SELECT stay_id, lat, lon, n_points, started_at, finished_at FROM stays"
                + " WHERE user_id = ? ORDER BY started_at", query -> query.setString(1, user),
                rows -> new Stay(rows.getLong(1), rows.getDouble(2), rows.getDouble(3), rows.getInt(4),
                        rows.getObject(5, OffsetDateTime.class), rows.getObject(6, OffsetDateTime.class)));
        return new Overview(union(extents), zooms, stays);
    }

    /** The user's trips at {@code zoom} whose bounding box meets the view's (a trip across the antimeridian always). */
    List<Trip> trips(String user, int zoom, Extent view) {
        return read("SELECT g.trip_id, coalesce((SELECT l.mode FROM triplegs l WHERE l.tripleg_id = ANY (t.tripleg_ids)"
                + " ORDER BY l.length_m DESC LIMIT 1), 'unknown'), g.started_at, g.finished_at, g.n_points,"
                + " g.zoom_points, g.polyline FROM rendering_geometries g LEFT JOIN trips t ON t.trip_id = g.trip_id"
                + " WHERE g.user_id = ? AND g.zoom = ? AND g.north >= ? AND g.south <= ?"
                + " AND (g.west > g.east OR (g.east >= ? AND g.west <= ?)) ORDER BY g.started_at", query -> {
                    query.setString(1, user);
                    query.setInt(2, zoom);
                    query.setDouble(3, view.south());
                    query.setDouble(4, view.north());
                    query.setDouble(5, view.west());
                    query.setDouble(6, view.east());
                }, rows -> new Trip(rows.getLong(1), rows.getString(2), rows.getObject(3, OffsetDateTime.class),
                        rows.getObject(4, OffsetDateTime.class), rows.getInt(5), rows.getInt(6), rows.getString(7)));
    }

    /** The user's footprints row by column name, in the table's column order; empty when there is none. */
    Map<String, Object> footprint(String user) {
        List<Map<String, Object>> rows = read("SELECT * FROM footprints WHERE user_id = ?",
                query -> query.setString(1, user), UserResults::columns);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private static Map<String, Object> columns(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.put(meta.getColumnName(i), row.getObject(i));
        }
        return columns;
    }

    private static Extent union(List<Extent> extents) {
        return extents.stream().filter(extent -> extent != null).reduce((a, b) -> new Extent(
                Math.min(a.south(), b.south()), Math.min(a.west(), b.west()), Math.max(a.north(), b.north()),
                Math.max(a.east(), b.east()))).orElse(null);
    }

    interface Binder {
        void bind(PreparedStatement query) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> read(String sql, Binder binder, RowReader<T> reader) {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            binder.bind(query);
            List<T> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw ApiException.database("the results cannot be read from the database", e);
        }
    }
}
