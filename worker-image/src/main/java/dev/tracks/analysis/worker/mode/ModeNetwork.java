package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.reference.osm.RailGraph;
import dev.tracks.analysis.worker.roads.WayProximity;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * The railway tracks and car roads of the active OSM load, for the {@link NetworkEvidence} of a motorized segment: of
 * its fixes {@link #SAMPLE_METERS} apart, the share within {@link #NEAR_METERS} of a track and of a car road. 25 m
 * holds GPS error (5-15 m in the open, more in street canyons) plus half a road's or a rail corridor's width; fixes
 * beyond the load's box give no evidence (the extract does not say what is there).
 */
public final class ModeNetwork {

    /** Without an OSM load: no segment gets network evidence. */
    public static final ModeNetwork NONE = new ModeNetwork(null, null);

    static final double NEAR_METERS = 25;
    static final double SAMPLE_METERS = 50;

    private final WayProximity rails;
    private final WayProximity roads;

    private ModeNetwork(WayProximity rails, WayProximity roads) {
        this.rails = rails;
        this.roads = roads;
    }

    public static ModeNetwork of(OsmNetwork network) {
        return new ModeNetwork(WayProximity.of(RailGraph.tracks(network)), WayProximity.carRoads(network));
    }

    /** What the network says about fixes {@code first..last}. */
    NetworkEvidence evidence(Fixes fixes, int first, int last) {
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
        return NetworkEvidence.of(sampled, covered, nearRail, nearRoad);
    }
}
