package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.ADMIN_AREAS;
import static dev.tracks.analysis.skill.Dataset.ADMIN_VISITS;
import static dev.tracks.analysis.skill.Dataset.COMPLETED_GAPS;
import static dev.tracks.analysis.skill.Dataset.IMPORT_SOURCES;
import static dev.tracks.analysis.skill.Dataset.MOVEMENT_SEGMENTS;
import static dev.tracks.analysis.skill.Dataset.OSM_NETWORK;
import static dev.tracks.analysis.skill.Dataset.POINT_FLAGS;
import static dev.tracks.analysis.skill.Dataset.SYNTHETIC_FIXES;
import static dev.tracks.analysis.skill.Dataset.TRACK_POINTS;
import static dev.tracks.analysis.skill.ParamSpec.choice;
import static dev.tracks.analysis.skill.ParamSpec.integer;
import static dev.tracks.analysis.skill.ParamSpec.number;
import static dev.tracks.analysis.skill.ParamSpec.optionalString;
import static dev.tracks.analysis.skill.ParamSpec.requiredString;
import static dev.tracks.analysis.skill.Skill.DATA_IMPORT;
import static dev.tracks.analysis.skill.Skill.GEOCODING;
import static dev.tracks.analysis.skill.Skill.OUTLIER_DETECTION;
import static dev.tracks.analysis.skill.Skill.TRAJECTORY_COMPLETION;
import static dev.tracks.analysis.skill.Skill.TRANSPORT_MODE;

/** Skills that prepare the points every other skill builds on. */
final class FoundationSkills {

    private FoundationSkills() {
    }

    static List<SkillDefinition> definitions() {
        return List.of(
                SkillDefinition.of(OUTLIER_DETECTION)
                        .describedAs("Flags impossible fixes (speed jumps, drift, backtracks, duplicate times,"
                                + " low accuracy) with reason codes; flagged fixes are excluded downstream, never"
                                + " deleted.")
                        .reference("Speed rule after scikit-mobility filtering.filter (max speed, 3x median);"
                                + " accuracy limit after Traccar filter.accuracy and GeoPulse (100 m)")
                        .reads(TRACK_POINTS)
                        .writes(POINT_FLAGS)
                        .param(number("maxSpeedKmh", 1200, 10, 5000, "km/h",
                                "A fix reached or left faster than this is impossible (1200 km/h admits airliners)."))
                        .param(number("medianSpeedFactor", 3, 1, 100, null,
                                "A fix is also a speed outlier when faster than this multiple of the median speed of"
                                        + " the previous 20 segments, whichever limit is higher."))
                        .param(number("maxAccuracyMeters", 100, 1, 100000, "m",
                                "Fixes whose reported accuracy radius exceeds this are flagged LOW_ACCURACY."))
                        .param(number("driftRadiusMeters", 50, 1, 1000, "m",
                                "While stationary, fixes scattered beyond this radius of the stationary centre are"
                                        + " flagged DRIFT."))
                        .param(number("backtrackMaxAngleDegrees", 20, 1, 90, "°",
                                "An out-and-back spike: the turn at the fix is sharper than this angle."))
                        .build(),
                SkillDefinition.of(TRAJECTORY_COMPLETION)
                        .describedAs("Fills recording gaps between consecutive clean fixes with synthetic fixes every"
                                + " spacingMeters along the likely path: a great circle at flight speeds, the rail"
                                + " or road network of the active OSM load after a rail or road mode (when one is"
                                + " loaded and reaches both ends), else a straight line; each gap records the method"
                                + " it got. The synthetic fixes go to their own table, never to track_points, so no"
                                + " other skill (stay detection first) can take them for recorded fixes.")
                        .reference("Great-circle intermediate points (Ed Williams, Aviation Formulary) on the"
                                + " haversine sphere, in place of GeographicLib's ellipsoidal geodesic (< 0.5 %"
                                + " apart); rail and road routes by Dijkstra over the OSM railway=* and highway=*"
                                + " ways; linear in time as MovingPandas get_position_at and Reitti"
                                + " SyntheticLocationPointGenerator")
                        .dependsOn(OUTLIER_DETECTION, "interpolates only between clean fixes: an outlier at a gap"
                                + " border would bend the synthetic path")
                        .dependsOn(TRANSPORT_MODE, "the modes of the movement segments on either side of a gap"
                                + " choose between a rail route, a road route and a straight line")
                        .reads(TRACK_POINTS, POINT_FLAGS, MOVEMENT_SEGMENTS, OSM_NETWORK)
                        .writes(COMPLETED_GAPS, SYNTHETIC_FIXES)
                        .param(integer("minGapSeconds", 60, 1, 86400, "s",
                                "A longer time between consecutive clean fixes is a recording gap to fill."))
                        .param(integer("maxGapMinutes", 1440, 1, 10080, "min",
                                "Gaps longer than this are left open."))
                        .param(number("spacingMeters", 50, 5, 10000, "m",
                                "Distance between synthetic fixes along the path; a gap shorter than this gets"
                                        + " none."))
                        .param(number("flightMinSpeedKmh", 350, 50, 1200, "km/h",
                                "A gap crossed at this implied speed (distance / time) or faster is a flight and"
                                        + " is filled along the great circle; 350 km/h is above the average of any"
                                        + " rail service."))
                        .param(number("maxSnapMeters", 300, 10, 5000, "m",
                                "A gap end farther than this from the rail or road network gets a straight line"
                                        + " instead of a route."))
                        .build(),
                SkillDefinition.of(GEOCODING)
                        .describedAs("The administrative areas along each user's clean fixes, as runs: consecutive"
                                + " fixes in the same area at one level form one row (a fix in no area, e.g. at sea, a"
                                + " run with no code), looked up once per H3 cell in the active admin reference load"
                                + " (fails, not retryable, when none is loaded).")
                        .reference("Point in polygon with a JTS STRtree and IndexedPointInAreaLocator over the"
                                + " loaded admin areas (e.g. Natural Earth admin-1); H3 cell cache after"
                                + " reverse_geocoder's cached lookups")
                        .dependsOn(OUTLIER_DETECTION, "a jump outlier would place the user in a country they never"
                                + " visited")
                        .reads(TRACK_POINTS, POINT_FLAGS, ADMIN_AREAS)
                        .writes(ADMIN_VISITS)
                        .param(integer("maxAdminLevel", 1, 0, 2, null,
                                "Deepest administrative level looked up: 0 country, 1 region, 2 district; levels"
                                        + " the admin load does not have are skipped."))
                        .param(integer("cellResolution", 9, 5, 12, null,
                                "H3 resolution of the lookup cache: fixes in one cell share the cell centre's areas,"
                                        + " unless the cell straddles a border (then each fix is looked up)."))
                        .param(integer("maxGapSeconds", 900, 1, 86400, "s",
                                "A longer time between consecutive fixes ends the run at the last fix before it."))
                        .build(),
                SkillDefinition.of(DATA_IMPORT)
                        .describedAs("Streams GPX, GeoLife PLT, CSV or GeoJSON files (a folder, several uploads or"
                                + " a zip archive as one import) into track_points with validation, de-duplication"
                                + " and a per-file, line-numbered rejection report.")
                        .reference("GPX 1.0/1.1 via jenetics jpx; GeoLife PLT format (Zheng et al. 2010)")
                        .reads(IMPORT_SOURCES)
                        .writes(TRACK_POINTS)
                        .param(requiredString("source", "Path or http(s) URL of the file, directory or zip archive"
                                + " to import, or upload:<id>[,<id>...] for files uploaded through the admin API."))
                        .param(choice("format", "AUTO", List.of("AUTO", "GPX", "PLT", "CSV", "GEOJSON"),
                                "File format; AUTO decides by file extension."))
                        .param(optionalString("userId", "User the points belong to; else for a GeoLife tree the"
                                + " user folder's name, for any other GPX or PLT file its file name."))
                        .param(number("maxRejectedShare", 0.05, 0, 1, null,
                                "A file with a larger share of invalid rows is rejected whole."))
                        .param(integer("earliestYear", 1990, 1970, 2100, null,
                                "A fix recorded before 1 January of this year (UTC) is rejected as implausible (a"
                                        + " clock never set, a misread epoch number), like any other bad row."))
                        .param(integer("maxFutureHours", 24, 0, 8760, "h",
                                "A fix recorded more than this after the import started is rejected as"
                                        + " implausible."))
                        .build());
    }
}
