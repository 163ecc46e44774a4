package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.reference.places.Places;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a skill that needs reference data calls once at its start: the active load, resolved once and read whole, so
 * that the task reads one version to its end even if a new load becomes active meanwhile. Data that is not loaded
 * fails the task as not retryable (another attempt cannot help until someone loads it), never with an empty success.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** The areas of the active admin load, or a non-retryable failure saying how to load some. */
    public static AdminAreas requireAdmin(Connection db) throws SQLException {
        long loadId = ReferenceLoads.activeLoadId(db, ReferenceKind.ADMIN).orElseThrow(() -> notLoaded(
                "no admin areas loaded", "admin --file <geojson>"));
        return AdminAreas.read(db, loadId);
    }

    /** The places of the active places load, or a non-retryable failure saying how to load some. */
    public static Places requirePlaces(Connection db) throws SQLException {
        long loadId = ReferenceLoads.activeLoadId(db, ReferenceKind.PLACES).orElseThrow(() -> notLoaded(
                "no places loaded", "places --file <csv or json>"));
        return Places.read(db, loadId);
    }

    /**
     * The places of the active places load, if there is one: for a skill to which place names are an optional
     * enrichment, which says so in its catalog entry.
     */
    public static Optional<Places> optionalPlaces(Connection db) throws SQLException {
        OptionalLong loadId = ReferenceLoads.activeLoadId(db, ReferenceKind.PLACES);
        return loadId.isPresent() ? Optional.of(Places.read(db, loadId.getAsLong())) : Optional.empty();
    }

    /** The roads, rails and stations of the active osm load, or a non-retryable failure saying how to load some. */
    public static OsmNetwork requireOsm(Connection db) throws SQLException {
        long loadId = ReferenceLoads.activeLoadId(db, ReferenceKind.OSM).orElseThrow(() -> notLoaded(
                "no OSM network loaded", "osm --file <extract.osm.pbf>"));
        return OsmNetwork.read(db, loadId);
    }

    private static WorkerFailure notLoaded(String what, String load) {
        return WorkerFailure.notRetryable(what + ": run `tracks-worker reference load " + load + "` (see README,"
                + " \"Reference data\")");
    }
}
