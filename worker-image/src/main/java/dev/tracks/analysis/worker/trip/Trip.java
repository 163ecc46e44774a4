package dev.tracks.analysis.worker.trip;

import java.util.List;
import java.util.OptionalLong;

/**
 * The movement between two activities (trackintel trip): triplegs and the non-activity stays between them.
 *
 * @param id deterministic key: the id of its first tripleg (the id of that tripleg's first fix)
 * @param startMillis earliest start of its triplegs and non-activity stays
 * @param endMillis latest end of its triplegs and non-activity stays
 * @param originStayId the activity stay right before it; absent after a gap or at the start of the data
 * @param destinationStayId the activity stay right after it; absent before a gap or at the end of the data
 * @param triplegIds its triplegs in time order
 * @param stayIds its non-activity stays in time order
 */
public record Trip(
        long id,
        long startMillis,
        long endMillis,
        OptionalLong originStayId,
        OptionalLong destinationStayId,
        List<Long> triplegIds,
        List<Long> stayIds) {

    public Trip {
        triplegIds = List.copyOf(triplegIds);
        stayIds = List.copyOf(stayIds);
    }
}
