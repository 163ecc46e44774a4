package dev.tracks.analysis.reference.places;

import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.ReferenceOption;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads places from CSV with a header line; the columns are found by the header names in {@link PlaceFields}, so
 * their order and any extra columns do not matter. Quoting as RFC 4180 (a field in double quotes may hold commas and
 * doubled quotes), one record per line. The first bad line stops the read with a {@link BadReferenceFile} naming it.
 */
public final class PlaceCsv {

    private final PlaceFields fields;

    public PlaceCsv(PlaceFields fields) {
        this.fields = fields;
    }

    /** Hands every place to {@code sink} in file order; returns how many. */
    public int read(BufferedReader in, PlaceSink sink) throws IOException, SQLException {
        String header = in.readLine();
        if (header == null) {
            throw new BadReferenceFile("line 1", "the file is empty; a CSV gazetteer starts with a header line");
        }
        List<String> columns = split("line 1", header.startsWith("\uFEFF") ? header.substring(1) : header);
        int name = column(columns, fields.name(), ReferenceOption.NAME_COLUMN, true);
        int lat = column(columns, fields.lat(), ReferenceOption.LAT_COLUMN, true);
        int lon = column(columns, fields.lon(), ReferenceOption.LON_COLUMN, true);
        int country = column(columns, fields.country(), ReferenceOption.COUNTRY_COLUMN, false);
        int admin1 = column(columns, fields.admin1(), ReferenceOption.ADMIN1_COLUMN, false);
        int admin2 = column(columns, fields.admin2(), ReferenceOption.ADMIN2_COLUMN, false);
        int population = column(columns, fields.population(), ReferenceOption.POPULATION_COLUMN, false);
        int count = 0;
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + lineNumber;
            List<String> values = split(where, line);
            if (values.size() != columns.size()) {
                throw new BadReferenceFile(where, "has " + values.size() + " fields, the header has "
                        + columns.size());
            }
            sink.accept(count++, Place.parse(where, fields, values.get(name), values.get(lat), values.get(lon),
                    value(values, country), value(values, admin1), value(values, admin2),
                    value(values, population)));
        }
        return count;
    }

    private static int column(List<String> columns, String column, ReferenceOption option, boolean required) {
        if (column.isEmpty() && !required) {
            return -1;
        }
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new BadReferenceFile("line 1", "no column \"" + column + "\" in the header " + columns
                    + "; choose the column with " + option.names() + (required ? "" : " (\"\" for none)"));
        }
        return index;
    }

    private static String value(List<String> values, int index) {
        return index < 0 ? null : values.get(index);
    }

    /** The fields of one line: commas separate, double quotes enclose, a doubled quote inside is one quote. */
    static List<String> split(String where, String line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"' && value.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw new BadReferenceFile(where, "a quoted field is not closed (a record must fit on one line)");
        }
        values.add(value.toString());
        return values;
    }
}
