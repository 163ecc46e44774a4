package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.ACTIVITY_STREAKS;
import static dev.tracks.analysis.skill.Dataset.MOVEMENT_SEGMENTS;
import static dev.tracks.analysis.skill.Dataset.OSM_NETWORK;
import static dev.tracks.analysis.skill.Dataset.POINT_FLAGS;
import static dev.tracks.analysis.skill.Dataset.STAYS;
import static dev.tracks.analysis.skill.Dataset.TRACK_POINTS;
import static dev.tracks.analysis.skill.Dataset.TRIPLEGS;
import static dev.tracks.analysis.skill.Dataset.TRIPS;
import static dev.tracks.analysis.skill.Dataset.USER_TIME_ZONES;
import static dev.tracks.analysis.skill.ParamSpec.bool;
import static dev.tracks.analysis.skill.ParamSpec.integer;
import static dev.tracks.analysis.skill.ParamSpec.number;
import static dev.tracks.analysis.skill.ParamSpec.timeZone;
import static dev.tracks.analysis.skill.Skill.OUTLIER_DETECTION;
import static dev.tracks.analysis.skill.Skill.SPEED_EVENTS;
import static dev.tracks.analysis.skill.Skill.STAY_DETECTION;
import static dev.tracks.analysis.skill.Skill.STREAK_DETECTION;
import static dev.tracks.analysis.skill.Skill.TRANSPORT_MODE;
import static dev.tracks.analysis.skill.Skill.TRIP_CONSTRUCTION;

/** Skills that turn clean fixes into what people did: moving, staying, travelling. */
final class BehaviorSkills {

    private BehaviorSkills() {
    }

    static List<SkillDefinition> definitions() {
        return List.of(
                SkillDefinition.of(TRANSPORT_MODE)
                        .describedAs("Splits movement into segments at mode changes and classifies each: coarse"
                                + " (slow, motorized, fast) from its robust speed and fine (walk, bicycle, road"
                                + " vehicle, rail, airplane) from its speeds, acceleration, turns, stop spacing, speed"
                                + " plateau and signal loss; with an osm reference load (optional), a motorized"
                                + " segment that ran on railway tracks away from car roads is rail, one on car roads"
                                + " away from tracks a road vehicle.")
                        .reference("trackintel predict_transport_mode(method=\"simple-coarse\"): <15 km/h slow,"
                                + " <100 km/h motorized; segmentation and features after Zheng et al. 2008, 2010")
                        .dependsOn(OUTLIER_DETECTION, "speeds and accelerations come from clean fixes: a single jump"
                                + " outlier would look like a flight")
                        .reads(TRACK_POINTS, POINT_FLAGS, OSM_NETWORK)
                        .writes(MOVEMENT_SEGMENTS)
                        .param(number("slowMaxKmh", 15, 1, 100, "km/h",
                                "Below this median speed a segment is slow mobility."))
                        .param(number("motorizedMaxKmh", 100, 10, 1000, "km/h",
                                "Below this median speed (and above slowMaxKmh) a segment is motorized."))
                        .param(integer("minSegmentSeconds", 60, 1, 3600, "s",
                                "Shorter mode changes are merged into their neighbours."))
                        .requireLess("slowMaxKmh", "motorizedMaxKmh")
                        .build(),
                SkillDefinition.of(STAY_DETECTION)
                        .describedAs("Finds stay points with the sliding-window method: the user stayed within a"
                                + " distance of the window's first fix for at least a minimum time.")
                        .reference("Li et al. 2008; trackintel generate_staypoints(method=\"sliding\")")
                        .dependsOn(OUTLIER_DETECTION, "drift and jump outliers would split real stays or fake"
                                + " short ones")
                        .reads(TRACK_POINTS, POINT_FLAGS)
                        .writes(STAYS)
                        .param(number("distThresholdMeters", 100, 1, 5000, "m",
                                "A fix at this distance or more from the window's first fix closes the window."))
                        .param(number("timeThresholdMinutes", 5, 0.1, 1440, "min",
                                "Minimum duration of a stay."))
                        .param(number("gapThresholdMinutes", 15, 0.1, 10080, "min",
                                "A gap between fixes longer than this ends the window; a stay never spans it."))
                        .param(bool("includeLast", false,
                                "Keep the last, still open window of a user as a stay."))
                        .build(),
                SkillDefinition.of(TRIP_CONSTRUCTION)
                        .describedAs("Builds triplegs between consecutive stays, flags stays longer than the"
                                + " activity threshold as activities, and groups triplegs into trips between"
                                + " activities, each tripleg labelled with its transport mode.")
                        .reference("trackintel generate_triplegs(method=\"between_staypoints\"),"
                                + " create_activity_flag(time_threshold=15), generate_trips(gap_threshold=15)")
                        .dependsOn(STAY_DETECTION, "triplegs are the movement between consecutive stays, and trips"
                                + " run between activity stays")
                        .dependsOn(TRANSPORT_MODE, "each tripleg takes the mode of the movement segments that"
                                + " cover most of its time")
                        .reads(TRACK_POINTS, POINT_FLAGS, STAYS, MOVEMENT_SEGMENTS)
                        .writes(TRIPLEGS, TRIPS)
                        .param(number("activityThresholdMinutes", 15, 0, 1440, "min",
                                "A stay is an activity when it lasts strictly longer than this."))
                        .param(number("gapThresholdMinutes", 15, 0.1, 10080, "min",
                                "A gap between fixes longer than this ends a tripleg and a trip."))
                        .build(),
                SkillDefinition.of(STREAK_DETECTION)
                        .describedAs("Finds the maximal runs of consecutive local days on which the user made at"
                                + " least a minimum number of trips (kind trips) or recorded at least a minimum"
                                + " number of fixes (kind fixes), and marks each kind's current run.")
                        .reference("Consecutive-day activity streaks; local days in the user's time zone (user"
                                + " setting, else the zone at the fix, else timeZone); each day ends at midnight in"
                                + " the zone of the latest fix, so a day that straddles a zone change counts once")
                        .dependsOn(TRIP_CONSTRUCTION, "a trip day is a day on which a trip starts")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS, USER_TIME_ZONES)
                        .writes(ACTIVITY_STREAKS)
                        .param(integer("minTripsPerDay", 1, 1, 100, null,
                                "Trips that must start on a local day for it to count in a trips streak."))
                        .param(integer("minFixesPerDay", 1, 1, 1_000_000, null,
                                "Fixes that must be recorded on a local day for it to count in a fixes streak."))
                        .param(timeZone("timeZone", "Zone of the local days for a user without a zone setting"
                                + " whose fixes lie outside every zone polygon."))
                        .build(),
                SkillDefinition.of(SPEED_EVENTS)
                        .describedAs("Finds intervals in which the user moved faster than a threshold (fast) or"
                                + " slower than a floor (slow) for at least a minimum duration, with hysteresis so"
                                + " that GPS noise around the threshold does not split one event; each names its"
                                + " trip.")
                        .reference("trajr TrajSpeedIntervals (fasterThan, slowerThan); MovingPandas SpeedSplitter;"
                                + " speeds between consecutive fixes, no interpolated crossing times")
                        .dependsOn(OUTLIER_DETECTION, "a jump outlier alone would make a speed event")
                        .dependsOn(TRIP_CONSTRUCTION, "each event names the trip it happened in")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS)
                        .writes(Dataset.SPEED_EVENTS)
                        .param(number("speedThresholdKmh", 130, 1, 2000, "km/h",
                                "A fast event starts when the speed between two fixes exceeds this."))
                        .param(number("speedFloorKmh", 0, 0, 2000, "km/h",
                                "A slow event starts when the speed between two fixes is below this; 0: no slow"
                                        + " events."))
                        .param(number("hysteresisKmh", 10, 0, 500, "km/h",
                                "A fast event ends only when the speed falls more than this below the threshold (a"
                                        + " slow event when it rises more than this above the floor)."))
                        .param(integer("minDurationSeconds", 30, 1, 86400, "s",
                                "Shortest event reported."))
                        .param(integer("maxGapSeconds", 300, 1, 86400, "s",
                                "A longer gap between fixes ends an event: the speed across it is not measured."))
                        .requireLess("speedFloorKmh", "speedThresholdKmh")
                        .build());
    }
}
