package dev.tracks.analysis.worker.location;

import java.util.List;

/**
 * One user's locations and, for every stay, the location it belongs to.
 *
 * @param locations ordered by location id
 * @param stayLocations one per input stay, in the order of the input
 */
public record LocationResult(List<Location> locations, List<StayLocation> stayLocations) {

    public LocationResult {
        locations = List.copyOf(locations);
        stayLocations = List.copyOf(stayLocations);
    }
}
