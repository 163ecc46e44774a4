package dev.tracks.analysis.worker.annotation;

import java.time.ZoneId;

/**
 * Parameters of stay_annotation, bound by name from the skill catalog ({@code VisualizationSkills}).
 *
 * @param method the view that gives the stored role and its confidence
 * @param preFilter whether FREQ and OSNA apply trackintel's {@code pre_filter_locations} defaults
 * @param placeRadiusMeters the farthest a place may be from a location's centre to name it
 * @param timeZone the zone of the local times when the user has no zone setting and a stay lies outside every zone
 *     polygon
 */
public record StayAnnotationParams(RoleMethod method, boolean preFilter, double placeRadiusMeters, ZoneId timeZone) {
}
