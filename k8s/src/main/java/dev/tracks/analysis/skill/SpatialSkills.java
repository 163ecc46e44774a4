package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.COMPLEXITY_METRICS;
import static dev.tracks.analysis.skill.Dataset.DENSITY_HOTSPOTS;
import static dev.tracks.analysis.skill.Dataset.DIRECTIONAL_METRICS;
import static dev.tracks.analysis.skill.Dataset.FOOTPRINTS;
import static dev.tracks.analysis.skill.Dataset.GRID_CELLS;
import static dev.tracks.analysis.skill.Dataset.LOCATIONS;
import static dev.tracks.analysis.skill.Dataset.LOCATION_GROWTH;
import static dev.tracks.analysis.skill.Dataset.OSM_NETWORK;
import static dev.tracks.analysis.skill.Dataset.POINT_FLAGS;
import static dev.tracks.analysis.skill.Dataset.REVISIT_PATTERNS;
import static dev.tracks.analysis.skill.Dataset.ROAD_OVERLAPS;
import static dev.tracks.analysis.skill.Dataset.SPEED_HOME_CORRELATIONS;
import static dev.tracks.analysis.skill.Dataset.SPEED_SPACE_PROFILES;
import static dev.tracks.analysis.skill.Dataset.STAYS;
import static dev.tracks.analysis.skill.Dataset.TRACK_POINTS;
import static dev.tracks.analysis.skill.Dataset.TRIPLEGS;
import static dev.tracks.analysis.skill.Dataset.TRIPS;
import static dev.tracks.analysis.skill.Dataset.USER_TIME_ZONES;
import static dev.tracks.analysis.skill.Dataset.UTILIZATION_METRICS;
import static dev.tracks.analysis.skill.ParamSpec.integer;
import static dev.tracks.analysis.skill.ParamSpec.number;
import static dev.tracks.analysis.skill.ParamSpec.timeZone;
import static dev.tracks.analysis.skill.Skill.DENSITY_STRUCTURE;
import static dev.tracks.analysis.skill.Skill.DIRECTIONAL_BIAS;
import static dev.tracks.analysis.skill.Skill.FOOTPRINT_STATS;
import static dev.tracks.analysis.skill.Skill.GRID_SYSTEM;
import static dev.tracks.analysis.skill.Skill.OUTLIER_DETECTION;
import static dev.tracks.analysis.skill.Skill.REVISIT_PATTERN;
import static dev.tracks.analysis.skill.Skill.ROAD_OVERLAP;
import static dev.tracks.analysis.skill.Skill.SPATIAL_COMPLEXITY;
import static dev.tracks.analysis.skill.Skill.SPEED_SPACE_COUPLING;
import static dev.tracks.analysis.skill.Skill.STAY_DETECTION;
import static dev.tracks.analysis.skill.Skill.STAY_STATS;
import static dev.tracks.analysis.skill.Skill.TRIP_CONSTRUCTION;
import static dev.tracks.analysis.skill.Skill.UTILIZATION_EFFICIENCY;

/** Skills about where people go and how they move through space. */
final class SpatialSkills {

    private SpatialSkills() {
    }

    static List<SkillDefinition> definitions() {
        return List.of(
                SkillDefinition.of(GRID_SYSTEM)
                        .describedAs("Aggregates clean fixes into H3 cells per user: fix count, dwell time, first"
                                + " and last seen.")
                        .reference("Uber H3 (com.uber:h3 4.x); average edge per resolution from"
                                + " getHexagonEdgeLengthAvg")
                        .dependsOn(OUTLIER_DETECTION, "outliers would light up cells the user never visited")
                        .reads(TRACK_POINTS, POINT_FLAGS)
                        .writes(GRID_CELLS)
                        .param(integer("h3Resolution", 9, 0, 15, null,
                                "H3 resolution of the cells (9: ~200 m edge)."))
                        .param(integer("maxDwellGapSeconds", 900, 1, 86400, "s",
                                "Time between fixes above this is not counted as dwell time."))
                        .build(),
                SkillDefinition.of(ROAD_OVERLAP)
                        .describedAs("Per trip: the road route its fixes followed by HMM map matching on the active"
                                + " OSM load's roads, and that route's length over the GPS length, overall and per"
                                + " road class; when matching breaks (a fix far from every road, no road route"
                                + " between fixes), the share of fixes within maxDistanceMeters of a road instead."
                                + " Each row says which method produced it.")
                        .reference("Newson & Krumm 2009 HMM map matching, the model of GraphHopper map-matching (sigma 50 m,"
                                + " beta 2; fixes 2 sigma apart; the 8 nearest candidate roads per fix) over every"
                                + " road open to cars or pedestrians, both directions; fixes with no road within"
                                + " candidateRadiusMeters are off-road and split the trip into matched pieces")
                        .dependsOn(TRIP_CONSTRUCTION, "overlap is measured per trip, over the trip's fixes")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS, OSM_NETWORK)
                        .writes(ROAD_OVERLAPS)
                        .param(number("maxDistanceMeters", 20, 1, 200, "m",
                                "A fix closer than this to a road counts as near the road (near_road_share, and the"
                                        + " overlap when matching breaks)."))
                        .param(number("candidateRadiusMeters", 200, 10, 1000, "m",
                                "A fix with no road this close is off-road: it is not matched and splits the trip"
                                        + " (Newson & Krumm: 200 m)."))
                        .param(number("sigmaMeters", 50, 1, 200, "m",
                                "Standard deviation of the GPS error in the HMM's emission probability."))
                        .param(number("beta", 2, 0.1, 100, "m",
                                "Scale of the HMM's transition probability: how much a road route may differ from"
                                        + " the straight line between two fixes."))
                        .build(),
                SkillDefinition.of(DENSITY_STRUCTURE)
                        .describedAs("Per user and H3 cell: fixes, dwell time and distinct local days, with hot spots"
                                + " of dwell time by Getis-Ord Gi* over each cell and its ring-1 neighbours (z and"
                                + " p values), and by a dwell-time percentile as the simple alternative.")
                        .reference("Getis & Ord 1992 / Ord & Getis 1995 Gi* (as PySAL esda G_Local star=True),"
                                + " binary weights over H3 gridDisk k=1; unvisited neighbours count as dwell 0;"
                                + " two-sided normal p; local days in the user's zone (user setting, else the zone at"
                                + " the cell's centre, else timeZone)")
                        .dependsOn(GRID_SYSTEM, "density is computed over grid_system's cell visits: fixes, dwell"
                                + " and the days a visit spans")
                        .reads(GRID_CELLS, USER_TIME_ZONES)
                        .writes(DENSITY_HOTSPOTS)
                        .param(number("hotspotPercentile", 95, 50, 99.9, "%",
                                "A cell whose dwell time exceeds this percentile of the user's cells' dwell times"
                                        + " (linear interpolation) is a percentile hot spot."))
                        .param(number("significance", 0.05, 0.0001, 0.5, null,
                                "A cell is a Gi* hot spot when its z is positive and its two-sided p is below"
                                        + " this."))
                        .param(timeZone("timeZone", "Zone of the local days for a user without a zone setting"
                                + " whose cells lie outside every zone polygon."))
                        .build(),
                SkillDefinition.of(SPEED_SPACE_COUPLING)
                        .describedAs("Relates speed to place: per H3 cell the number, median and 85th percentile of"
                                + " the moving fixes' speeds, and per user the Spearman correlation of speed with"
                                + " distance from home.")
                        .reference("Step speed from the previous fix; moving: outside stays (trackintel: triplegs"
                                + " lie between staypoints) and above 1 km/h (gpxpy get_moving_data); percentiles as"
                                + " numpy (linear); Spearman rho with average ranks for ties and a two-sided p from"
                                + " Student's t with n - 2 degrees of freedom (commons-math3, scipy spearmanr)")
                        .dependsOn(GRID_SYSTEM, "speeds are aggregated per grid cell: each fix takes the cell of its"
                                + " grid_system visit")
                        .dependsOn(FOOTPRINT_STATS, "distance from home needs the home location")
                        .dependsOn(STAY_DETECTION, "fixes within a stay are not moving: their step speeds are GPS"
                                + " jitter")
                        .reads(TRACK_POINTS, POINT_FLAGS, STAYS, GRID_CELLS, FOOTPRINTS)
                        .writes(SPEED_SPACE_PROFILES, SPEED_HOME_CORRELATIONS)
                        .param(integer("minFixesPerCell", 10, 1, 10000, null,
                                "Cells with fewer moving fixes get no speed profile."))
                        .param(number("movingSpeedKmh", 1, 0.1, 50, "km/h",
                                "A fix outside every stay is moving when the step from the previous fix is faster"
                                        + " than this."))
                        .param(integer("maxGapSeconds", 900, 1, 86400, "s",
                                "A step from the previous fix longer than this is a recording gap: its fix has no"
                                        + " speed."))
                        .build(),
                SkillDefinition.of(REVISIT_PATTERN)
                        .describedAs("Per location of stay_stats: visits, distinct local days, first and last"
                                + " visit, median return time, frequency and recency rank; and the growth S(t) of"
                                + " the number of distinct locations over the user's visits.")
                        .reference("scikit-mobility frequency_rank, recency_rank; return times after Gonzalez et"
                                + " al. 2008 (peak at 24 h); S(t) ~ t^mu after Song et al. 2010")
                        .dependsOn(STAY_STATS, "revisits are counted per clustered location, not per raw stay")
                        .reads(STAYS, LOCATIONS, USER_TIME_ZONES)
                        .writes(REVISIT_PATTERNS, LOCATION_GROWTH)
                        .param(integer("minVisits", 2, 1, 1000, null,
                                "Locations visited fewer times are not reported (they still count in the ranks"
                                        + " and in S(t))."))
                        .param(timeZone("timeZone", "Time zone of the distinct days when the user has none set"
                                + " and the location's position gives none."))
                        .build(),
                SkillDefinition.of(UTILIZATION_EFFICIENCY)
                        .describedAs("Moving and stopped time, straightness (beeline over path length) and tracking"
                                + " coverage per trip, per local day and per user.")
                        .reference("gpxpy get_moving_data (stopped at or below 1 km/h); trajr TrajStraightness;"
                                + " trackintel temporal_tracking_quality")
                        .dependsOn(TRIP_CONSTRUCTION, "the metrics are per trip, and a day's straightness is its"
                                + " trips'")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS, USER_TIME_ZONES)
                        .writes(UTILIZATION_METRICS)
                        .param(number("stoppedSpeedKmh", 1, 0.1, 20, "km/h",
                                "A step between fixes at or below this speed counts as stopped time."))
                        .param(integer("maxGapSeconds", 900, 1, 86400, "s",
                                "A step between fixes longer than this is a recording gap: neither moving nor"
                                        + " stopped, and not tracked time."))
                        .param(timeZone("timeZone", "Time zone of the local days when the user has none set and"
                                + " the position gives none."))
                        .build(),
                SkillDefinition.of(SPATIAL_COMPLEXITY)
                        .describedAs("Per trip: sinuosity, fractal dimension and E_max of the path rediscretized to"
                                + " a constant step length, and the mean and spread of its directional change.")
                        .reference("trajr TrajRediscretize, TrajSinuosity2 (Benhamou 2004), TrajFractalDimension"
                                + " (dividers with Nams 2006's corrections), TrajEmax (Cheung et al. 2007),"
                                + " TrajDirectionalChange (Kitamura & Imafuku 2015)")
                        .dependsOn(TRIP_CONSTRUCTION, "the metrics are per trip")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS)
                        .writes(COMPLEXITY_METRICS)
                        .param(number("stepLengthMeters", 50, 1, 10000, "m",
                                "Step length of the rediscretized path, and the smallest divider of the fractal"
                                        + " dimension."))
                        .build(),
                SkillDefinition.of(DIRECTIONAL_BIAS)
                        .describedAs("Preferred headings per user and per trip: the length-weighted circular mean"
                                + " bearing, mean resultant length R, Rayleigh test and distance per compass sector.")
                        .reference("Batschelet 1981 (mean direction, mean resultant length, Rayleigh test); Zar's"
                                + " approximation of the Rayleigh p value; initial great-circle bearings")
                        .dependsOn(OUTLIER_DETECTION, "a jump outlier adds two long steps in arbitrary directions")
                        .dependsOn(TRIP_CONSTRUCTION, "headings are also reported per trip")
                        .reads(TRACK_POINTS, POINT_FLAGS, TRIPS)
                        .writes(DIRECTIONAL_METRICS)
                        .param(number("minStepMeters", 10, 0, 1000, "m",
                                "Steps shorter than this (GPS jitter) carry no direction."))
                        .param(integer("maxGapSeconds", 900, 1, 86400, "s",
                                "A step between fixes further apart in time is a recording gap: not a movement,"
                                        + " and not counted."))
                        .build());
    }
}
