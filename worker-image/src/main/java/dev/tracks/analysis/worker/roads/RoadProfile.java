package dev.tracks.analysis.worker.roads;

/** How a route through the road graph may go and what it minimises. */
public enum RoadProfile {
    /** Fastest by car: car roads only, one-way streets in their direction, at maxspeed or the class's default. */
    CAR,
    /** Shortest on foot: every road open to pedestrians, both ways. */
    FOOT,
    /**
     * Shortest over every road open to cars or pedestrians, both ways: map matching of a trip whose mode is not known
     * (a cyclist or a pedestrian may go against a one-way street).
     */
    ANY
}
