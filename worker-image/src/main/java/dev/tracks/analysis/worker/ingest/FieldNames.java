package dev.tracks.analysis.worker.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV header or GeoJSON property name holds which field of a fix. Each field has a list of names tried in
 * order, matched case-insensitively after trimming; the first name found in the header wins, so a configured name
 * takes precedence over any other column. The defaults recognise the common layouts (trackintel's
 * {@code user_id;tracked_at;latitude;longitude;elevation;accuracy}, posmo, Google exports, togeojson's
 * {@code coordTimes}, OGC Moving Features' {@code datetimes}).
 */
public final class FieldNames {

    private static final FieldNames DEFAULTS = new FieldNames(new EnumMap<>(Map.of(
            FixField.USER, List.of("user_id", "userid", "user"),
            FixField.TIME, List.of("tracked_at", "recorded_at", "time", "timestamp", "datetime"),
            FixField.TIMES, List.of("coordTimes", "times", "datetimes"),
            FixField.LAT, List.of("latitude", "lat"),
            FixField.LON, List.of("longitude", "lon", "lng", "long"),
            FixField.ALTITUDE, List.of("elevation", "altitude", "altitude_m", "ele", "alt"),
            FixField.ACCURACY, List.of("accuracy", "accuracy_m", "horizontal_accuracy"),
            FixField.SPEED, List.of("speed", "speed_mps"),
            FixField.HEADING, List.of("heading", "heading_deg", "bearing", "course"),
            FixField.LABEL, List.of("label", "label_mode", "mode", "transportation_mode"))));

    private final EnumMap<FixField, List<String>> names;

    private FieldNames(EnumMap<FixField, List<String>> names) {
        this.names = names;
    }

    public static FieldNames defaults() {
        return DEFAULTS;
    }

    /** These names, with {@code field} looked up only under the given names (replacing its defaults). */
    public FieldNames with(FixField field, String... fieldNames) {
        EnumMap<FixField, List<String>> copy = new EnumMap<>(names);
        copy.put(field, List.of(fieldNames));
        return new FieldNames(copy);
    }

    /** The names tried for {@code field}, in order. */
    public List<String> namesOf(FixField field) {
        return names.get(field);
    }

    /** The index of the first of {@code headers} named as {@code field}, trying the names in order; -1 if none. */
    public int indexIn(List<String> headers, FixField field) {
        for (String name : names.get(field)) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).trim().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The field a property called {@code name} holds, or null; the first field listing the name wins. */
    public FixField fieldOf(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (Map.Entry<FixField, List<String>> entry : names.entrySet()) {
            for (String candidate : entry.getValue()) {
                if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }
}
