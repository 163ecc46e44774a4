package dev.tracks.analysis.worker.reference.places;

import dev.tracks.analysis.reference.places.Place;
import dev.tracks.analysis.worker.geo.Geodesy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The places of one places load in memory, for nearest-place lookups (reverse geocoding as reverse_geocoder does it:
 * a k-d tree on unit vectors, see {@link UnitVectorTree}). Read it by the load id a task resolved at its start (see
 * {@code ReferenceData}). Immutable, so safe for concurrent lookups.
 */
public final class Places {

    private final long loadId;
    private final List<Place> places;
    private final UnitVectorTree tree;

    private Places(long loadId, List<Place> places) {
        this.loadId = loadId;
        this.places = List.copyOf(places);
        double[] lat = new double[places.size()];
        double[] lon = new double[places.size()];
        for (int i = 0; i < lat.length; i++) {
            lat[i] = places.get(i).lat();
            lon[i] = places.get(i).lon();
        }
        this.tree = new UnitVectorTree(lat, lon);
    }

    /** The places of load {@code loadId} (none when the load does not exist). */
    public static Places read(Connection db, long loadId) throws SQLException {
        List<Place> places = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT name, lat, lon, country, admin1, admin2, population"
                + " FROM places WHERE load_id = ? ORDER BY row_index")) {
            query.setFetchSize(10_000);
            query.setLong(1, loadId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long population = rows.getLong(7);
                    Long known = rows.wasNull() ? null : population;
                    places.add(new Place(rows.getString(1), rows.getDouble(2), rows.getDouble(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), known));
                }
            }
        }
        return new Places(loadId, places);
    }

    /** The place nearest to (lat, lon) on the sphere; empty only when the load has no places. */
    public Optional<NearestPlace> nearest(double lat, double lon) {
        int index = tree.nearest(lat, lon);
        if (index < 0) {
            return Optional.empty();
        }
        Place place = places.get(index);
        return Optional.of(new NearestPlace(place, Geodesy.distanceMeters(lat, lon, place.lat(), place.lon())));
    }

    /** The load these places came from. */
    public long loadId() {
        return loadId;
    }

    public int size() {
        return places.size();
    }
}
