package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.ALTITUDE_PROFILES;
import static dev.tracks.analysis.skill.Dataset.COMPRESSED_FIXES;
import static dev.tracks.analysis.skill.Dataset.COMPRESSED_TRACKS;
import static dev.tracks.analysis.skill.Dataset.GRID_CELLS;
import static dev.tracks.analysis.skill.Dataset.POINT_FLAGS;
import static dev.tracks.analysis.skill.Dataset.TIME_SPACE_SLICES;
import static dev.tracks.analysis.skill.Dataset.TRACK_POINTS;
import static dev.tracks.analysis.skill.Dataset.TRIPS;
import static dev.tracks.analysis.skill.Dataset.USER_TIME_ZONES;
import static dev.tracks.analysis.skill.ParamSpec.bool;
import static dev.tracks.analysis.skill.ParamSpec.choice;
import static dev.tracks.analysis.skill.ParamSpec.integer;
import static dev.tracks.analysis.skill.ParamSpec.number;
import static dev.tracks.analysis.skill.ParamSpec.timeZone;
import static dev.tracks.analysis.skill.Skill.ALTITUDE_DIMENSION;
import static dev.tracks.analysis.skill.Skill.GRID_SYSTEM;
import static dev.tracks.analysis.skill.Skill.TIME_SPACE_COMPRESSION;
import static dev.tracks.analysis.skill.Skill.TIME_SPACE_SLICING;
import static dev.tracks.analysis.skill.Skill.TRIP_CONSTRUCTION;

/** Skills that look at trajectories along further dimensions: time slices, compression, altitude. */
final class AdvancedSkills {

    private AdvancedSkills() {
    }

    static List<SkillDefinition> definitions() {
        return List.of(
                SkillDefinition.of(TIME_SPACE_SLICING)
                        .describedAs("Fixes, dwell time and distance per local time bucket (hour, day, ISO week or"
                                + " month) and grid_system's H3 cell, in the user's time zone at the fix.")
                        .reference("MovingPandas TemporalSplitter (hour/day/week/month buckets); Uber H3 cells at"
                                + " grid_system's resolution")
                        .dependsOn(GRID_SYSTEM, "slices are grid_system's H3 cells, at its resolution, split by"
                                + " local time bucket")
                        .reads(TRACK_POINTS, POINT_FLAGS, GRID_CELLS, USER_TIME_ZONES)
                        .writes(TIME_SPACE_SLICES)
                        .param(choice("granularity", "DAY", List.of("HOUR", "DAY", "WEEK", "MONTH"),
                                "Local time bucket: an hour (23 or 25 on a DST day), a calendar day, an ISO week"
                                        + " (Monday to Sunday) or a calendar month."))
                        .param(integer("maxDwellGapSeconds", 900, 1, 86400, "s",
                                "Time between fixes above this counts as neither dwell nor distance (keep it equal"
                                        + " to grid_system's for dwell sums that match grid_cells)."))
                        .param(timeZone("timeZone", "Time zone of the buckets for a user without a zone of their"
                                + " own and a position without one."))
                        .build(),
                SkillDefinition.of(TIME_SPACE_COMPRESSION)
                        .describedAs("Each trip compressed by TD-TR (Douglas-Peucker on the time-synchronised"
                                + " Euclidean distance, SED), plain Douglas-Peucker and scikit-mobility's radius"
                                + " merge at one tolerance: fixes in and out, the ratio, the maximum and mean SED of"
                                + " the fixes the compressed track replaces, and the compressed fixes for rendering.")
                        .reference("Meratnia & de By 2004 (TD-TR, SED); Douglas & Peucker 1973; scikit-mobility"
                                + " compression.compress(spatial_radius_km=0.2)")
                        .dependsOn(TRIP_CONSTRUCTION, "tracks are compressed trip by trip")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS)
                        .writes(COMPRESSED_TRACKS, COMPRESSED_FIXES)
                        .param(number("spatialRadiusMeters", 200, 1, 10000, "m",
                                "Tolerance of every method: the largest SED (TD-TR) or distance from the line"
                                        + " (Douglas-Peucker) of a dropped fix, and the radius within which"
                                        + " SKMOB_RADIUS merges fixes (scikit-mobility's default 0.2 km)."))
                        .param(choice("methods", "ALL", List.of("ALL", "TD_TR", "DOUGLAS_PEUCKER", "SKMOB_RADIUS"),
                                "The methods to run: all three (to compare them on the same trips) or one."))
                        .build(),
                SkillDefinition.of(ALTITUDE_DIMENSION)
                        .describedAs("Per trip, from the fixes' own altitudes (no elevation model): valid fixes,"
                                + " minimum and maximum altitude, gain, loss and the steepest grade, with sentinel"
                                + " and implausible altitudes masked.")
                        .reference("gpxpy calculate_uphill_downhill (3-point smoothing 0.3/0.4/0.3)")
                        .dependsOn(TRIP_CONSTRUCTION, "gain and loss are reported per trip")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS)
                        .writes(ALTITUDE_PROFILES)
                        .param(bool("smooth", true, "Apply the 3-point smoothing before summing climbs."))
                        .param(integer("minAltitudeMeters", -500, -11000, 0, "m",
                                "Lower altitudes are no readings (sentinels, fixes without a vertical solution) and"
                                        + " are masked."))
                        .param(integer("maxAltitudeMeters", 9000, 100, 20000, "m",
                                "Higher altitudes are masked as implausible."))
                        .param(number("spikeMeters", 100, 1, 10000, "m",
                                "An altitude further than this from the median of the 11 valid altitudes around it"
                                        + " (5 on each side) is a spike and is masked."))
                        .param(number("gradeDistanceMeters", 100, 10, 10000, "m",
                                "The grade is measured over at least this horizontal distance along the path."))
                        .build());
    }
}
