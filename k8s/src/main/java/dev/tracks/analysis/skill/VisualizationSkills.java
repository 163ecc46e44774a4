package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.ADMIN_VISITS;
import static dev.tracks.analysis.skill.Dataset.LOCATIONS;
import static dev.tracks.analysis.skill.Dataset.POINT_FLAGS;
import static dev.tracks.analysis.skill.Dataset.RENDERING_GEOMETRIES;
import static dev.tracks.analysis.skill.Dataset.STAYS;
import static dev.tracks.analysis.skill.Dataset.STAY_ANNOTATIONS;
import static dev.tracks.analysis.skill.Dataset.TIME_AXIS_ENTRIES;
import static dev.tracks.analysis.skill.Dataset.TRACK_POINTS;
import static dev.tracks.analysis.skill.Dataset.TRIPS;
import static dev.tracks.analysis.skill.Dataset.USER_TIME_ZONES;
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
                        .describedAs("Labels stays with their location's role (home, work, other) and place"
                                + " name.")
                        .reference("trackintel location_identifier(method=\"FREQ\"); scikit-mobility home_location")
                        .dependsOn(STAY_STATS, "roles come from the clustered locations")
                        .dependsOn(GEOCODING, "place names come from the administrative areas")
                        .reads(STAYS, LOCATIONS, ADMIN_VISITS)
                        .writes(STAY_ANNOTATIONS)
                        .param(number("placeRadiusMeters", 100, 1, 5000, "m",
                                "Radius around a stay searched for its place."))
                        .build());
    }
}
