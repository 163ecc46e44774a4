package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.reference.osm.OsmStation;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.reference.osm.RailGraph;
import dev.tracks.analysis.worker.roads.WayProximity;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The railway tracks, car roads and stations of the active OSM load, for the {@link NetworkEvidence} of a motorized
 * segment: of its fixes {@link #SAMPLE_METERS} apart, the share within {@link #NEAR_METERS} of a track and of a car
 * road, and of its stops ({@link Features#stopMiddles}) the share within {@link #STATION_METERS} of a station. 25 m
 * holds GPS error (5-15 m in the open, more in street canyons) plus half a road's or a rail corridor's width; 200 m
 * holds a stopped train of up to 200 m (the rider anywhere in it) around the station's node. Fixes beyond the load's
 * box give no evidence (the extract does not say what is there).
 */
public final class ModeNetwork {

    /** Without an OSM load: no segment gets network evidence. */
    public static final ModeNetwork NONE = new ModeNetwork(null, null, null);

    static final double NEAR_METERS = 25;
    static final double SAMPLE_METERS = 50;
    static final double STATION_METERS = 200;

    private final WayProximity rails;
    private final WayProximity roads;
    private final Stations stations;

    private ModeNetwork(WayProximity rails, WayProximity roads, Stations stations) {
        this.rails = rails;
        this.roads = roads;
        this.stations = stations;
    }

    public static ModeNetwork of(OsmNetwork network) {
        return new ModeNetwork(WayProximity.of(RailGraph.tracks(network)), WayProximity.carRoads(network),
                Stations.of(network.stations()));
    }

    /** What the network says about fixes {@code first..last}, whose stops are at fixes {@code stops}. */
    NetworkEvidence evidence(Fixes fixes, int first, int last, int[] stops) {
        if (rails == null) {
            return NetworkEvidence.NONE;
        }
        int sampled = 0;
        int covered = 0;
        int nearRail = 0;
        int nearRoad = 0;
        int previous = -1;
        for (int i = first; i <= last; i++) {
            if (previous >= 0 && i < last && Geodesy.distanceMeters(fixes.lat(previous), fixes.lon(previous),
                    fixes.lat(i), fixes.lon(i)) < SAMPLE_METERS) {
                continue;
            }
            previous = i;
            sampled++;
            double lat = fixes.lat(i);
            double lon = fixes.lon(i);
            if (!rails.covers(lat, lon, NEAR_METERS) && !roads.covers(lat, lon, NEAR_METERS)) {
                continue;
            }
            covered++;
            nearRail += rails.near(lat, lon, NEAR_METERS) ? 1 : 0;
            nearRoad += roads.near(lat, lon, NEAR_METERS) ? 1 : 0;
        }
        int atStations = 0;
        for (int stop : stops) {
            atStations += stations.near(fixes.lat(stop), fixes.lon(stop), STATION_METERS) ? 1 : 0;
        }
        return NetworkEvidence.of(sampled, covered, nearRail, nearRoad, stops.length, atStations);
    }

    /** Station positions sorted by latitude: a band of latitudes, then haversine within it. */
    private record Stations(double[] lats, double[] lons) {

        static Stations of(List<OsmStation> stations) {
            List<OsmStation> sorted = stations.stream().sorted(Comparator.comparingDouble(OsmStation::lat)).toList();
            return new Stations(sorted.stream().mapToDouble(OsmStation::lat).toArray(),
                    sorted.stream().mapToDouble(OsmStation::lon).toArray());
        }

        boolean near(double lat, double lon, double meters) {
            double band = Math.toDegrees(meters / Geodesy.EARTH_RADIUS_METERS);
            int i = Arrays.binarySearch(lats, lat - band);
            for (i = i < 0 ? -i - 1 : i; i < lats.length && lats[i] <= lat + band; i++) {
                if (Geodesy.distanceMeters(lat, lon, lats[i], lons[i]) <= meters) {
                    return true;
                }
            }
            return false;
        }
    }
}
