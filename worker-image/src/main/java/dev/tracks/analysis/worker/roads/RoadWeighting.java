package dev.tracks.analysis.worker.roads;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;

/**
 * A {@link RoadProfile} as a GraphHopper weighting: the edges it may use, in which direction, and their cost (seconds
 * by car, metres otherwise). Written here rather than as a GraphHopper custom model, which would compile the model with
 * Janino at every start for what is three rules.
 */
final class RoadWeighting implements Weighting {

    private static final double FOOT_SPEED_MS = 5 / 3.6;

    private final RoadProfile profile;
    private final BooleanEncodedValue carAccess;
    private final BooleanEncodedValue footAccess;
    private final DecimalEncodedValue carSpeed;
    private final double maxCarSpeedMs;

    RoadWeighting(RoadProfile profile, BooleanEncodedValue carAccess, BooleanEncodedValue footAccess,
                  DecimalEncodedValue carSpeed) {
        this.profile = profile;
        this.carAccess = carAccess;
        this.footAccess = footAccess;
        this.carSpeed = carSpeed;
        this.maxCarSpeedMs = carSpeed.getMaxStorableDecimal() / 3.6;
    }

    /** True when the profile may travel along the edge in its direction (against it with {@code reverse}). */
    boolean allows(EdgeIteratorState edge, boolean reverse) {
        return switch (profile) {
            case CAR -> reverse ? edge.getReverse(carAccess) : edge.get(carAccess);
            case FOOT -> edge.get(footAccess);
            case ANY -> edge.get(footAccess) || edge.get(carAccess) || edge.getReverse(carAccess);
        };
    }

    /** The edges a point may snap to: those the profile may travel in some direction. */
    EdgeFilter snapFilter() {
        return edge -> allows(edge, false) || allows(edge, true);
    }

    @Override
    public double calcMinWeightPerDistance() {
        return profile == RoadProfile.CAR ? 1 / maxCarSpeedMs : 1;
    }

    @Override
    public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
        if (!allows(edge, reverse)) {
            return Double.POSITIVE_INFINITY;
        }
        return profile == RoadProfile.CAR ? edge.getDistance() / (edge.get(carSpeed) / 3.6) : edge.getDistance();
    }

    @Override
    public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
        double speedMs = profile == RoadProfile.CAR ? edge.get(carSpeed) / 3.6 : FOOT_SPEED_MS;
        return Math.round(edge.getDistance() / speedMs * 1000);
    }

    @Override
    public double calcTurnWeight(int inEdge, int viaNode, int outEdge) {
        return 0;
    }

    @Override
    public long calcTurnMillis(int inEdge, int viaNode, int outEdge) {
        return 0;
    }

    @Override
    public boolean hasTurnCosts() {
        return false;
    }

    @Override
    public String getName() {
        return profile.name().toLowerCase(java.util.Locale.ROOT);
    }
}
