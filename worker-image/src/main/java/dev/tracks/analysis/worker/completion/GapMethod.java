package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.mode.FineMode;
import java.util.Locale;

/**
 * How a gap is filled. {@link #wanted} decides from the gap's implied speed and the modes on either side; the method
 * used differs from the wanted one only when a route cannot be had (no OSM network loaded, or the network does not
 * reach both ends), and then it is {@link #LINEAR}.
 */
public enum GapMethod {
    /** Straight in latitude and longitude at constant speed: MovingPandas {@code get_position_at}, Reitti. */
    LINEAR,
    /** Along the great circle: the path of a flight. */
    GREAT_CIRCLE,
    /** Along the shortest road route of the active OSM load. */
    ROAD,
    /** Along the shortest rail route of the active OSM load. */
    RAIL;

    /**
     * The method for a gap, first match wins:
     * <ol>
     *   <li>{@link #GREAT_CIRCLE} when the implied speed (great-circle distance over the gap's time) reaches
     *       {@code flightMinSpeedKmh} (default 350 km/h: high-speed lines run at 300-350 km/h at most, so their
     *       average over a gap with stops and the ride to the station stays below it; GeoPulse's FLIGHT class starts
     *       at an average of 400 km/h), or when a segment on either side is {@link FineMode#AIRPLANE} (fixes lost at
     *       cruise);</li>
     *   <li>{@link #RAIL} when a segment on either side is {@link FineMode#RAIL}: a gap in a train ride is
     *       typically a tunnel or a station hall, and the train stays on its line;</li>
     *   <li>{@link #ROAD} when a segment on either side is {@link FineMode#ROAD_VEHICLE} or
     *       {@link FineMode#BICYCLE}: vehicles follow roads;</li>
     *   <li>{@link #LINEAR} otherwise: walking (pedestrians cut across squares and parks that a road graph lacks) and
     *       gaps without a classified segment beside them (a device switched off between two stays).</li>
     * </ol>
     *
     * @param before the fine mode of the segment at the gap's first fix, null if none
     * @param after the fine mode of the segment at the gap's last fix, null if none
     */
    static GapMethod wanted(double impliedSpeedKmh, FineMode before, FineMode after, double flightMinSpeedKmh) {
        if (impliedSpeedKmh >= flightMinSpeedKmh || either(FineMode.AIRPLANE, before, after)) {
            return GREAT_CIRCLE;
        }
        if (either(FineMode.RAIL, before, after)) {
            return RAIL;
        }
        if (either(FineMode.ROAD_VEHICLE, before, after) || either(FineMode.BICYCLE, before, after)) {
            return ROAD;
        }
        return LINEAR;
    }

    private static boolean either(FineMode mode, FineMode before, FineMode after) {
        return before == mode || after == mode;
    }

    /** Whether this method follows a network of the OSM load. */
    boolean isRouted() {
        return this == ROAD || this == RAIL;
    }

    /** The stored label (completed_gaps.method). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
