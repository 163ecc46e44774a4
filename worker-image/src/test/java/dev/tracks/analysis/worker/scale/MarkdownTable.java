package dev.tracks.analysis.worker.scale;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A table printed as aligned Markdown, ready to paste into docs/benchmarks.md; numbers right-aligned. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header.size()
                    + " columns");
        }
        rows.add(List.copyOf(row));
    }

    void print(PrintStream out) {
        int[] widths = new int[header.size()];
        for (List<String> row : withHeader()) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        print(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            rule.add(c == 0 ? "-".repeat(widths[c]) : "-".repeat(widths[c] - 1) + ":");
        }
        print(out, rule, widths);
        rows.forEach(row -> print(out, row, widths));
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(header);
        return all;
    }

    private static void print(PrintStream out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            String format = c == 0 ? "%-" + widths[c] + "s" : "%" + widths[c] + "s";
            line.append(' ').append(String.format(format, row.get(c))).append(" |");
        }
        out.println(line);
    }
}
