package dev.tracks.analysis.worker.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The worker benchmark's figures, printed as one Markdown table at the end. */
final class BenchmarkTable {

    private static final String[] HEADER = {"measurement", "points", "time", "points/s", "ratio", "target"};

    private final List<String[]> rows = new ArrayList<>();

    /** A measurement without a ratio (a baseline, or information). */
    void add(String measurement, long points, double seconds) {
        add(measurement, points, seconds, "", "");
    }

    void add(String measurement, long points, double seconds, String ratio, String target) {
        rows.add(new String[] {measurement, String.format("%,d", points), String.format("%.2f s", seconds),
                String.format("%,.0f", points / seconds), ratio, target});
    }

    /** The ratio of a baseline's time to a measured time: 1.0x is as fast as the baseline. */
    static String ratio(double baselineSeconds, double seconds) {
        return String.format("%.2fx", baselineSeconds / seconds);
    }

    void print(PrintStream out) {
        int[] widths = new int[HEADER.length];
        for (String[] row : withHeader()) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        printRow(out, HEADER, widths);
        String[] rule = new String[HEADER.length];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        printRow(out, rule, widths);
        rows.forEach(row -> printRow(out, row, widths));
    }

    private List<String[]> withHeader() {
        List<String[]> all = new ArrayList<>(rows);
        all.add(HEADER);
        return all;
    }

    private static void printRow(PrintStream out, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < row.length; c++) {
            line.append(' ').append(c == 0 ? pad(row[c], widths[c]) : padLeft(row[c], widths[c])).append(" |");
        }
        out.println(line);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    /** The median of measured seconds. */
    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
