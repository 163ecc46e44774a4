package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.Skill;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How {@code analyze} writes a dataset as a CSV file: times in UTC ISO-8601 ({@code 2026-06-01T06:01:10.000Z}),
 * distances in metres, speeds in km/h. README's table of CSV files is generated from these.
 *
 * @param relation the table or view the rows come from
 * @param orderBy the rows' order, stable across runs
 */
public record CsvExport(String fileName, String relation, List<Column> columns, String orderBy) {

    /** The settings an export may depend on: the parameters each skill of the run was given. */
    @FunctionalInterface
    public interface Settings {
        SkillParams params(Skill skill);
    }

    /**
     * One column of the file.
     *
     * @param sql its SQL expression over the relation, given the run's settings
     * @param note what README says about it beyond its name (null: nothing)
     */
    public record Column(String name, Function<Settings, String> sql, String note) {

        /** The relation's column as it is. */
        public static Column of(String name) {
            return new Column(name, settings -> name, null);
        }

        /** The relation's column as it is, with a note for README. */
        public static Column of(String name, String note) {
            return new Column(name, settings -> name, note);
        }

        /** A timestamp column as UTC ISO-8601 with milliseconds. */
        public static Column time(String name) {
            return time(name, null);
        }

        public static Column time(String name, String note) {
            return new Column(name, settings -> "to_char(" + name
                    + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')", note);
        }

        /** A number rounded to {@code digits} decimals. */
        public static Column rounded(String name, int digits) {
            return new Column(name, settings -> "round(" + name + "::numeric, " + digits + ")", null);
        }

        /** An array as its elements separated by spaces. */
        public static Column spaced(String name, String note) {
            return new Column(name, settings -> "array_to_string(" + name + ", ' ')", note);
        }
    }

    public CsvExport {
        columns = List.copyOf(columns);
    }

    /** Every column of the relation as it is, in the given order. */
    public static CsvExport plain(String fileName, String relation, List<String> columns, String orderBy) {
        return new CsvExport(fileName, relation, columns.stream().map(Column::of).toList(), orderBy);
    }

    public String query(Settings settings) {
        return "SELECT " + columns.stream().map(column -> {
            String sql = column.sql().apply(settings);
            return sql.equals(column.name()) ? sql : sql + " AS " + column.name();
        }).collect(Collectors.joining(", ")) + " FROM " + relation + " ORDER BY " + orderBy;
    }
}
