package dev.tracks.analysis.worker.persona;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.worker.skill.CsvExport;
import dev.tracks.analysis.worker.skill.CsvExport.Column;
import dev.tracks.analysis.worker.skill.SkillDataset;
import dev.tracks.analysis.worker.store.ResultSink;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The spatial_personas dataset: one profile per user, its modal split and features as JSON objects. */
public final class SpatialPersonasTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final SkillDataset DATASET = SkillDataset.perUser(Dataset.SPATIAL_PERSONAS, List.of("user_id",
            "label", "radius_of_gyration_m", "k", "k_radius_of_gyration_m", "uncorrelated_entropy", "locations",
            "modal_split", "dominant_mode", "nights", "home_nights", "traits", "features"),
            new CsvExport("spatial_personas.csv", "spatial_personas", List.of(Column.of("user_id"),
                    Column.of("label", "no_data, stationary, returner, explorer"),
                    Column.rounded("radius_of_gyration_m", 1), Column.of("k"),
                    Column.rounded("k_radius_of_gyration_m", 1), Column.rounded("uncorrelated_entropy", 3),
                    Column.of("locations"), Column.of("modal_split", "JSON: share of the triplegs' length per mode"),
                    Column.of("dominant_mode"), Column.of("nights", "observed local nights"),
                    Column.of("home_nights", "nights with a stay at home"),
                    Column.spaced("traits", "space-separated: routine, many_locations, dominant_mode,"
                            + " regular_home"),
                    Column.of("features", "JSON: every rule with its features, thresholds and whether it fired")),
                    "user_id"));

    private SpatialPersonasTable() {
    }

    static void write(ResultSink sink, String userId, Persona persona) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (PersonaRule rule : persona.rules()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fired", rule.fired());
            entry.putAll(rule.features());
            features.put(rule.name(), entry);
        }
        DATASET.row(sink, userId, persona.label().name().toLowerCase(Locale.ROOT), persona.radiusOfGyrationMeters(),
                persona.k(), persona.kRadiusOfGyrationMeters(), persona.uncorrelatedEntropy(), persona.locations(),
                json(persona.modalSplit()), persona.dominantMode(), persona.nights().nights(),
                persona.nights().homeNights(), persona.traits(), json(features));
    }

    private static String json(Map<String, ?> object) {
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
