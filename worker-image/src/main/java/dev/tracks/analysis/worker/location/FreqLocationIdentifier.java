package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Home and work by trackintel {@code location_identifier(method="FREQ", pre_filter=True)}
 * ({@code analysis/location_identification.py}, after Chen &amp; Poorthuis 2021): among the locations that pass
 * {@code pre_filter_locations} ({@link FreqPreFilter}), the one with the most summed stay duration is home, the
 * second work; all others, and every location of a user who fails the user filter, stay unlabelled. Ties in
 * duration go to the lower location id (the earlier first visit), which is what numpy's argsort gives for
 * trackintel's location-ordered groups of fewer than 16 locations.
 */
public final class FreqLocationIdentifier {

    private FreqLocationIdentifier() {
    }

    /** {@code result}'s locations labelled home/work; {@code stays} are the stays it was built from. */
    public static LocationResult identify(List<StoredStay> stays, LocationResult result, FreqPreFilter filter) {
        if (!filter.passesUser(stays, result.locations().size())) {
            return result;
        }
        List<Location> ranked = result.locations().stream()
                .filter(filter::passes)
                .sorted(Comparator.comparingLong(Location::totalDwellMillis).reversed()
                        .thenComparingInt(Location::locationId))
                .limit(2)
                .toList();
        Map<Integer, LocationRole> roles = ranked.stream().collect(Collectors.toMap(Location::locationId,
                location -> location == ranked.get(0) ? LocationRole.HOME : LocationRole.WORK));
        List<Location> labelled = result.locations().stream()
                .map(location -> location.withRole(roles.getOrDefault(location.locationId(), LocationRole.OTHER)))
                .toList();
        return new LocationResult(labelled, result.stayLocations());
    }
}
