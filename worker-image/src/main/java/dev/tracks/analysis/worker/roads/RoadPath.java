package dev.tracks.analysis.worker.roads;

/**
 * A route along the road graph: its points in order (from the road point nearest the start to the one nearest the
 * end, with the roads' shape in between) and its length along them.
 */
public record RoadPath(double[] lats, double[] lons, double lengthMeters) {

    public int size() {
        return lats.length;
    }
}
