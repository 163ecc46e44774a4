package dev.tracks.analysis.worker.annotation;

import java.time.ZoneId;

/** A stay's time span with the zone of its local times (the user's setting, else the zone at the stay). */
record ZonedStay(long startMillis, long endMillis, ZoneId zone) {

    long durationMillis() {
        return endMillis - startMillis;
    }
}
