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
    ANY;

    /** True when the profile may travel an edge with these {@link RoadRules#access} bits, against it with reverse. */
    boolean allows(int access, boolean reverse) {
        return switch (this) {
            case CAR -> (access & (reverse ? RoadRules.CAR_BACKWARD : RoadRules.CAR_FORWARD)) != 0;
            case FOOT -> (access & RoadRules.FOOT) != 0;
            case ANY -> access != 0;
        };
    }

    /** True when the profile may travel an edge in some direction: a point may snap to it. */
    boolean uses(int access) {
        return allows(access, false) || allows(access, true);
    }

    /** What travelling {@code meters} of an edge costs: seconds by car, metres otherwise. */
    double cost(double meters, double carSpeedMs) {
        return this == CAR ? meters / carSpeedMs : meters;
    }
}
