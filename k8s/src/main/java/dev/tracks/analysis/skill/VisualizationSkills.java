package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.ADMIN_VISITS;
import static dev.tracks.analysis.skill.Dataset.LOCATIONS;
import static dev.tracks.analysis.skill.Dataset.PLACES;
import static dev.tracks.analysis.skill.Dataset.POINT_FLAGS;
import static dev.tracks.analysis.skill.Dataset.RENDERING_GEOMETRIES;
import static dev.tracks.analysis.skill.Dataset.STAYS;
import static dev.tracks.analysis.skill.Dataset.STAY_ANNOTATIONS;
import static dev.tracks.analysis.skill.Dataset.TIME_AXIS_ENTRIES;
import static dev.tracks.analysis.skill.Dataset.TRACK_POINTS;
import static dev.tracks.analysis.skill.Dataset.TRIPS;
import static dev.tracks.analysis.skill.Dataset.USER_TIME_ZONES;
import static dev.tracks.analysis.skill.ParamSpec.bool;
import static dev.tracks.analysis.skill.ParamSpec.choice;
import static dev.tracks.analysis.skill.ParamSpec.integer;
import static dev.tracks.analysis.skill.ParamSpec.number;
import static dev.tracks.analysis.skill.ParamSpec.timeZone;
import static dev.tracks.analysis.skill.Skill.GEOCODING;
import static dev.tracks.analysis.skill.Skill.RENDERING_METADATA;
import static dev.tracks.analysis.skill.Skill.STAY_ANNOTATION;
import static dev.tracks.analysis.skill.Skill.STAY_STATS;
import static dev.tracks.analysis.skill.Skill.TIME_AXIS_MAP;
import static dev.tracks.analysis.skill.Skill.TRIP_CONSTRUCTION;

/** Skills that prepare results for maps and timelines. */
final class VisualizationSkills {

    private VisualizationSkills() {
    }

    static List<SkillDefinition> definitions() {
        return List.of(
                SkillDefinition.of(RENDERING_METADATA)
                        .describedAs("Per user and per trip: geometries simplified for a range of zoom levels,"
                                + " bounding boxes, time extents and counts, so that map clients draw long tracks"
                                + " fast.")
                        .reference("Douglas-Peucker (JTS DouglasPeuckerSimplifier), tolerance = pixels x metres per"
                                + " pixel at the zoom (156543.03 cos(lat) / 2^z)")
                        .dependsOn(TRIP_CONSTRUCTION, "geometries are cut per trip")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS)
                        .writes(RENDERING_GEOMETRIES)
                        .param(integer("minZoom", 4, 0, 22, null, "Coarsest zoom level prepared."))
                        .param(integer("maxZoom", 16, 0, 22, null, "Finest zoom level prepared."))
                        .param(number("tolerancePixels", 1, 0.1, 10, "px",
                                "Simplification tolerance in screen pixels at each zoom."))
                        .requireLess("minZoom", "maxZoom")
                        .build(),
                SkillDefinition.of(TIME_AXIS_MAP)
                        .describedAs("The space-time path per local day: fixed time bins from local midnight, each"
                                + " with its state (stay, move or gap), distance from home, H3 cell and place (the"
                                + " stay's location and its role), ready for a time-axis view.")
                        .reference("Hägerstrand 1970 space-time path; Kraak 2003 space-time cube; home and places"
                                + " from stay_stats (trackintel FREQ)")
                        .dependsOn(STAY_STATS, "stays, their locations and the home location give each bin its"
                                + " state, place and distance from home")
                        .reads(TRACK_POINTS, POINT_FLAGS, STAYS, LOCATIONS, USER_TIME_ZONES)
                        .writes(TIME_AXIS_ENTRIES)
                        .param(integer("binMinutes", 15, 1, 1440, "min",
                                "Length of a time bin; bins start at local midnight (the last bin of a day may be"
                                        + " shorter)."))
                        .param(integer("h3Resolution", 9, 0, 15, null,
                                "H3 resolution of each bin's cell (9: about 200 m edge)."))
                        .param(timeZone("timeZone", "Zone of the local days for a user without a zone setting"
                                + " whose fixes lie outside every zone polygon."))
                        .build(),
                SkillDefinition.of(STAY_ANNOTATION)
                        .describedAs("Per location of stay_stats: its role (home, work, other) by trackintel FREQ,"
                                + " by trackintel OSNA and by the scikit-mobility night window, the role of the"
                                + " chosen method with its confidence, the nearest gazetteer place and the admin"
                                + " units geocoding found at its stays; its stays carry the location's role.")
                        .reference("trackintel location_identifier(method=\"FREQ\" and \"OSNA\","
                                + " pre_filter=True) after Chen & Poorthuis 2021 and Efstathiades et al. 2015;"
                                + " scikit-mobility home_location(start_night='22:00', end_night='07:00') as time"
                                + " in the window; reverse_geocoder nearest place")
                        .dependsOn(STAY_STATS, "roles are given to the clustered locations and their stays")
                        .dependsOn(GEOCODING, "admin units come from the runs through admin areas at the stays")
                        .reads(STAYS, LOCATIONS, ADMIN_VISITS, PLACES, USER_TIME_ZONES)
                        .writes(STAY_ANNOTATIONS)
                        .param(choice("method", "FREQ", List.of("FREQ", "OSNA", "NIGHT"),
                                "Which view gives the stored role and its confidence: FREQ (most stay time home,"
                                        + " second work), OSNA (weekday rest/leisure time home, weekday office"
                                        + " hours work) or NIGHT (most time 22:00-07:00 home); all three views are"
                                        + " stored."))
                        .param(bool("preFilter", true, "Apply trackintel's pre_filter_locations defaults to FREQ"
                                + " and OSNA (a user needs 10 stays and 10 locations, a location 10 stays, 1 h in"
                                + " all and 5 h from first to last visit); false labels every user."))
                        .param(number("placeRadiusMeters", 5000, 1, 100_000, "m",
                                "A location gets the nearest place of the active places load within this"
                                        + " distance of its centre, else no place. Places are optional: without a"
                                        + " places load the place columns stay empty (roles and admin units are"
                                        + " still computed); a later load makes the results stale."))
                        .param(timeZone("timeZone", "Zone of the local times (OSNA frames, night window) for a"
                                + " user without a zone setting whose stays lie outside every zone polygon."))
                        .build());
    }
}
