package dev.tracks.analysis.skill;

/**
 * The data a skill reads or writes, each kept in one PostgreSQL table. A source dataset is filled from outside the
 * skill graph (the tracks app, uploads); every other dataset has exactly one writing skill, which owns its table and
 * its migration. Tables of skills that are not implemented yet are created with their skill.
 */
public enum Dataset {
    TRACK_POINTS("track_points", true),
    IMPORT_SOURCES("import_sources", true),
    /** Users' own time zones, set by the operator: a skill that reads them counts local days. */
    USER_TIME_ZONES("user_time_zones", true),
    /** The active admin reference load (tracks-worker reference load admin): a new load makes readers' results stale. */
    ADMIN_AREAS("admin_areas", true),
    /** The active places reference load (the gazetteer): a new load makes readers' results stale. */
    PLACES("places", true),
    /** The active osm reference load (roads, rails and stations): a new load makes readers' results stale. */
    OSM_NETWORK("osm_ways", true),
    POINT_FLAGS("point_flags", false),
    /** trajectory_completion's filled gaps, one row per gap with the method used. */
    COMPLETED_GAPS("completed_gaps", false),
    /** trajectory_completion's synthetic fixes, one row each: never in track_points. */
    SYNTHETIC_FIXES("synthetic_fixes", false),
    ADMIN_VISITS("admin_visits", false),
    MOVEMENT_SEGMENTS("movement_segments", false),
    STAYS("stays", false),
    TRIPLEGS("triplegs", false),
    TRIPS("trips", false),
    ACTIVITY_STREAKS("activity_streaks", false),
    SPEED_EVENTS("speed_events", false),
    GRID_CELLS("grid_cells", false),
    ROAD_OVERLAPS("road_overlaps", false),
    DENSITY_HOTSPOTS("density_hotspots", false),
    SPEED_SPACE_PROFILES("speed_space_profiles", false),
    SPEED_HOME_CORRELATIONS("speed_home_correlations", false),
    REVISIT_PATTERNS("revisit_patterns", false),
    /** revisit_pattern's distinct-location growth S(t), one row per visit. */
    LOCATION_GROWTH("location_growth", false),
    UTILIZATION_METRICS("utilization_metrics", false),
    COMPLEXITY_METRICS("complexity_metrics", false),
    DIRECTIONAL_METRICS("directional_metrics", false),
    FOOTPRINTS("footprints", false),
    LOCATIONS("locations", false),
    EXTREME_EVENTS("extreme_events", false),
    ADMIN_CROSSINGS("admin_crossings", false),
    ADMIN_SUMMARIES("admin_summaries", false),
    TIME_SPACE_SLICES("time_space_slices", false),
    COMPRESSED_TRACKS("compressed_tracks", false),
    /** The compressed tracks' fixes, one row each, for rendering. */
    COMPRESSED_FIXES("compressed_fixes", false),
    ALTITUDE_PROFILES("altitude_profiles", false),
    RENDERING_GEOMETRIES("rendering_geometries", false),
    TIME_AXIS_ENTRIES("time_axis_entries", false),
    STAY_ANNOTATIONS("stay_annotations", false),
    SPATIAL_PERSONAS("spatial_personas", false);

    private final String table;
    private final boolean source;

    Dataset(String table, boolean source) {
        this.table = table;
        this.source = source;
    }

    public String table() {
        return table;
    }

    /** True when the data comes from outside the skill graph rather than from one skill. */
    public boolean isSource() {
        return source;
    }
}
