package dev.tracks.analysis.skill;

import static dev.tracks.analysis.skill.Dataset.ADMIN_AREAS;
import static dev.tracks.analysis.skill.Dataset.ADMIN_SUMMARIES;
import static dev.tracks.analysis.skill.Dataset.ADMIN_VISITS;
import static dev.tracks.analysis.skill.Dataset.FOOTPRINTS;
import static dev.tracks.analysis.skill.Dataset.GRID_CELLS;
import static dev.tracks.analysis.skill.Dataset.LOCATIONS;
import static dev.tracks.analysis.skill.Dataset.POINT_FLAGS;
import static dev.tracks.analysis.skill.Dataset.STAYS;
import static dev.tracks.analysis.skill.Dataset.TRACK_POINTS;
import static dev.tracks.analysis.skill.Dataset.TRIPS;
import static dev.tracks.analysis.skill.ParamSpec.integer;
import static dev.tracks.analysis.skill.ParamSpec.number;
import static dev.tracks.analysis.skill.ParamSpec.timeZone;
import static dev.tracks.analysis.skill.Skill.ADMIN_CROSSINGS;
import static dev.tracks.analysis.skill.Skill.ADMIN_VIEW;
import static dev.tracks.analysis.skill.Skill.EXTREME_EVENTS;
import static dev.tracks.analysis.skill.Skill.FOOTPRINT_STATS;
import static dev.tracks.analysis.skill.Skill.GEOCODING;
import static dev.tracks.analysis.skill.Skill.GRID_SYSTEM;
import static dev.tracks.analysis.skill.Skill.STAY_DETECTION;
import static dev.tracks.analysis.skill.Skill.STAY_STATS;
import static dev.tracks.analysis.skill.Skill.TRIP_CONSTRUCTION;

import java.util.List;

/** Skills that summarise a user's mobility in numbers. */
final class StatisticsSkills {

    private StatisticsSkills() {
    }

    static List<SkillDefinition> definitions() {
        return List.of(
                SkillDefinition.of(FOOTPRINT_STATS)
                        .describedAs("Per user: radius of gyration (count and duration weighted), k-radius of"
                                + " gyration, distinct locations and cells, jump lengths, random and uncorrelated"
                                + " entropy, night-time home and maximum distance from home.")
                        .reference("scikit-mobility measures.individual (k=2, night 22:00-07:00); trackintel"
                                + " radius_gyration")
                        .dependsOn(STAY_DETECTION, "mobility measures are taken over stays, never raw fixes")
                        .dependsOn(GRID_SYSTEM, "distinct visited cells are counted from the grid")
                        .reads(STAYS, GRID_CELLS)
                        .writes(FOOTPRINTS)
                        .param(integer("k", 2, 1, 50, null,
                                "Number of most visited locations in the k-radius of gyration."))
                        .param(integer("nightStartHour", 22, 0, 23, "h",
                                "Local hour at which the night (home detection) begins."))
                        .param(integer("nightEndHour", 7, 0, 23, "h",
                                "Local hour at which the night ends."))
                        .param(timeZone("timeZone", "Time zone of the night hours."))
                        .build(),
                SkillDefinition.of(STAY_STATS)
                        .describedAs("Clusters stays into locations per user (DBSCAN), counts visits and dwell"
                                + " per location and identifies home and work.")
                        .reference("trackintel generate_locations(method=\"dbscan\", epsilon=100,"
                                + " num_samples=1) and location_identifier(method=\"FREQ\")")
                        .dependsOn(STAY_DETECTION, "locations are clusters of stays")
                        .reads(STAYS)
                        .writes(LOCATIONS)
                        .param(number("epsilonMeters", 100, 1, 5000, "m",
                                "DBSCAN neighbourhood radius."))
                        .param(integer("minSamples", 1, 1, 100, null,
                                "DBSCAN core point size; 1 makes every stay part of a location."))
                        .build(),
                SkillDefinition.of(EXTREME_EVENTS)
                        .describedAs("Records per user, each with when and where: top speed without the fastest"
                                + " share of steps, farthest fix from home, longest jump and longest gap between"
                                + " consecutive fixes, longest trip by duration and by distance, highest and lowest"
                                + " altitude.")
                        .reference("gpxpy calculate_max_speed (extreme percentile 0.95); scikit-mobility"
                                + " max_distance_from_home and maximum_distance")
                        .dependsOn(TRIP_CONSTRUCTION, "longest trips come from the trips")
                        .dependsOn(FOOTPRINT_STATS, "the farthest fix is measured from the home location")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS, FOOTPRINTS)
                        .writes(Dataset.EXTREME_EVENTS)
                        .param(number("ignoredTopSpeedShare", 0.05, 0, 0.5, null,
                                "Share of the fastest steps between fixes ignored for the top speed (GPS jumps);"
                                        + " 0: the true maximum."))
                        .build(),
                SkillDefinition.of(ADMIN_CROSSINGS)
                        .describedAs("Border crossings per admin level: each change of administrative area between"
                                + " consecutive clean fixes (geocoding's runs), timed and placed where the segment"
                                + " between the two fixes meets the area's boundary in the admin load the runs were"
                                + " made with; a change across a recording gap is flagged with the gap's bounds"
                                + " instead; a visit shorter than minDwellSeconds between two others is border"
                                + " jitter, no crossing.")
                        .reference("Segment-boundary intersection with JTS RobustLineIntersector over the loaded"
                                + " admin areas, time interpolated linearly along the segment (MovingPandas"
                                + " get_position_at)")
                        .dependsOn(GEOCODING, "a crossing is a change between geocoding's runs")
                        .reads(TRACK_POINTS, POINT_FLAGS, ADMIN_VISITS, ADMIN_AREAS)
                        .writes(Dataset.ADMIN_CROSSINGS)
                        .param(integer("minDwellSeconds", 60, 0, 86400, "s",
                                "A visit to an area shorter than this between two others, without a recording gap"
                                        + " on either side, is boundary jitter: A, B (short), A is no crossing; A, B"
                                        + " (short), C is one crossing from A to C where A was left."))
                        .build(),
                SkillDefinition.of(ADMIN_VIEW)
                        .describedAs("Per user, admin level (each level geocoding produced) and administrative area:"
                                + " dwell time, moving time and distance, distinct local days, entries, and the first"
                                + " and last fix in the area.")
                        .reference("Moving time after gpxpy GPXTrackSegment.get_moving_data (stopped speed 1"
                                + " km/h, as utilization_efficiency); local days as time_axis_map and"
                                + " streak_detection")
                        .dependsOn(GEOCODING, "the summary adds up geocoding's runs per area")
                        .reads(TRACK_POINTS, POINT_FLAGS, ADMIN_VISITS)
                        .writes(ADMIN_SUMMARIES)
                        .param(integer("minDwellSeconds", 60, 0, 86400, "s",
                                "Entries count visits; a visit shorter than this between two others, without a"
                                        + " recording gap on either side, is boundary jitter and no entry (as in"
                                        + " admin_crossings); its time still counts."))
                        .param(number("stoppedSpeedKmh", 1, 0.1, 20, "km/h",
                                "A step between fixes at or below this speed is stopped time, a faster one moving"
                                        + " time."))
                        .param(timeZone("timeZone", "Time zone of the local days when the user has none set and"
                                + " the position gives none."))
                        .build());
    }
}
