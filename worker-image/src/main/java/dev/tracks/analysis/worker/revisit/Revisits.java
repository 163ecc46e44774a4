package dev.tracks.analysis.worker.revisit;

import java.util.List;

/**
 * One user's revisit pattern.
 *
 * @param locations the reported locations (at least minVisits visits), by location id
 * @param growth S(t), one step per visit in time order
 */
public record Revisits(List<LocationRevisits> locations, List<GrowthStep> growth) {

    public Revisits {
        locations = List.copyOf(locations);
        growth = List.copyOf(growth);
    }
}
