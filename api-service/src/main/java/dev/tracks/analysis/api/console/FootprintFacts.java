package dev.tracks.analysis.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The footprints row of a user in words, one line per column, so that a column footprint_stats adds shows up without
 * a change here: the column name is the label, a {@code _m} suffix is the unit (metres, from 1 km on in km), the home
 * is its two coordinates together, an absent measure is "not enough data" (the table's null: footprint_stats leaves
 * a measure out when the user has too few stays or jumps for it).
 */
final class FootprintFacts {

    private static final String METRES = "_m";
    static final String ABSENT = "not enough data";

    private FootprintFacts() {
    }

    static List<Fact> of(Map<String, Object> row) {
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, Object> column : row.entrySet()) {
            String name = column.getKey();
            if (name.equals("user_id") || name.equals("home_lon")) {
                continue;
            }
            if (name.equals("home_lat")) {
                facts.add(new Fact("home", column.getValue() == null ? ABSENT : String.format(Locale.ROOT,
                        "%.5f, %.5f", (Double) column.getValue(), (Double) row.get("home_lon"))));
            } else if (name.endsWith(METRES)) {
                facts.add(new Fact(label(name.substring(0, name.length() - METRES.length())),
                        distance((Number) column.getValue())));
            } else {
                facts.add(new Fact(label(name), value(column.getValue())));
            }
        }
        return facts;
    }

    private static String label(String column) {
        return column.replace('_', ' ');
    }

    static String distance(Number metres) {
        if (metres == null) {
            return ABSENT;
        }
        double m = metres.doubleValue();
        return Math.abs(m) >= 1000 ? String.format(Locale.ROOT, "%,.2f km", m / 1000)
                : String.format(Locale.ROOT, "%.0f m", m);
    }

    private static String value(Object value) {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Number n) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        return value.toString();
    }
}
