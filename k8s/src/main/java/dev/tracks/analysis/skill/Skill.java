package dev.tracks.analysis.skill;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static dev.tracks.analysis.skill.SkillCategory.ADVANCED;
import static dev.tracks.analysis.skill.SkillCategory.BEHAVIOR;
import static dev.tracks.analysis.skill.SkillCategory.FOUNDATION;
import static dev.tracks.analysis.skill.SkillCategory.INTEGRATION;
import static dev.tracks.analysis.skill.SkillCategory.SPATIAL;
import static dev.tracks.analysis.skill.SkillCategory.STATISTICS;
import static dev.tracks.analysis.skill.SkillCategory.VISUALIZATION;

/**
 * The names of all analysis skills. This enum is what the CRD's {@code spec.skill} enum is generated from; what each
 * skill does, needs and produces is in {@link SkillCatalog}.
 *
 * <p>The wire name is the lower-case constant name. The fabric8 CRD generator reads enum values only from
 * {@code @JsonProperty} (not {@code @JsonValue}), hence the annotation on every constant; {@code SkillCatalogTest}
 * checks that each one equals {@link #id()}.
 */
public enum Skill {
    @JsonProperty("outlier_detection") OUTLIER_DETECTION(FOUNDATION),
    @JsonProperty("trajectory_completion") TRAJECTORY_COMPLETION(FOUNDATION),
    @JsonProperty("geocoding") GEOCODING(FOUNDATION),
    @JsonProperty("data_import") DATA_IMPORT(FOUNDATION),

    @JsonProperty("transport_mode") TRANSPORT_MODE(BEHAVIOR),
    @JsonProperty("stay_detection") STAY_DETECTION(BEHAVIOR),
    @JsonProperty("trip_construction") TRIP_CONSTRUCTION(BEHAVIOR),
    @JsonProperty("streak_detection") STREAK_DETECTION(BEHAVIOR),
    @JsonProperty("speed_events") SPEED_EVENTS(BEHAVIOR),

    @JsonProperty("grid_system") GRID_SYSTEM(SPATIAL),
    @JsonProperty("road_overlap") ROAD_OVERLAP(SPATIAL),
    @JsonProperty("density_structure") DENSITY_STRUCTURE(SPATIAL),
    @JsonProperty("speed_space_coupling") SPEED_SPACE_COUPLING(SPATIAL),
    @JsonProperty("revisit_pattern") REVISIT_PATTERN(SPATIAL),
    @JsonProperty("utilization_efficiency") UTILIZATION_EFFICIENCY(SPATIAL),
    @JsonProperty("spatial_complexity") SPATIAL_COMPLEXITY(SPATIAL),
    @JsonProperty("directional_bias") DIRECTIONAL_BIAS(SPATIAL),

    @JsonProperty("footprint_stats") FOOTPRINT_STATS(STATISTICS),
    @JsonProperty("stay_stats") STAY_STATS(STATISTICS),
    @JsonProperty("extreme_events") EXTREME_EVENTS(STATISTICS),
    @JsonProperty("admin_crossings") ADMIN_CROSSINGS(STATISTICS),
    @JsonProperty("admin_view") ADMIN_VIEW(STATISTICS),

    @JsonProperty("time_space_slicing") TIME_SPACE_SLICING(ADVANCED),
    @JsonProperty("time_space_compression") TIME_SPACE_COMPRESSION(ADVANCED),
    @JsonProperty("altitude_dimension") ALTITUDE_DIMENSION(ADVANCED),

    @JsonProperty("rendering_metadata") RENDERING_METADATA(VISUALIZATION),
    @JsonProperty("time_axis_map") TIME_AXIS_MAP(VISUALIZATION),
    @JsonProperty("stay_annotation") STAY_ANNOTATION(VISUALIZATION),

    @JsonProperty("spatial_persona") SPATIAL_PERSONA(INTEGRATION);

    private final SkillCategory category;

    Skill(SkillCategory category) {
        this.category = category;
    }

    public SkillCategory category() {
        return category;
    }

    /** The wire name, e.g. {@code stay_detection}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The skill with this wire name, if there is one. */
    public static Optional<Skill> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
