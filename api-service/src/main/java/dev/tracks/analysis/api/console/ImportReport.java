package dev.tracks.analysis.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data_import task's result summary (the worker's ImportSummary: totals, the first files one by one, each rejected
 * file with its first line-numbered reasons) as the imports page shows it. A summary the task has not written yet
 * (still running, or failed before its end) is empty.
 */
public record ImportReport(List<Fact> totals, List<FileLine> files, List<RejectedFile> rejected) {

    /** One file of the import: rows read, rejected, fixes inserted, and whether it was imported. */
    public record FileLine(String file, String user, String rows, String rejectedRows, String insertedPoints,
                           boolean imported) {
    }

    /** A file that was not imported: its share of invalid rows or why it could not be read, and its first reasons. */
    public record RejectedFile(String file, String rows, String rejectedRows, String rejectedShare, String failure,
                               List<String> reasons) {
    }

    static ImportReport of(Map<String, Object> summary) {
        if (summary == null) {
            return new ImportReport(List.of(), List.of(), List.of());
        }
        List<Fact> totals = new ArrayList<>();
        summary.forEach((key, value) -> {
            if (!(value instanceof List<?>) && !(value instanceof Map<?, ?>)) {
                totals.add(new Fact(words(key), text(value)));
            }
        });
        List<FileLine> files = entries(summary.get("perFile")).stream().map(file -> new FileLine(
                text(file.get("file")), text(file.get("userId")), text(file.get("rows")),
                text(file.get("rejectedRows")), text(file.get("insertedPoints")),
                Boolean.TRUE.equals(file.get("imported")))).toList();
        List<RejectedFile> rejected = entries(summary.get("rejected")).stream().map(file -> new RejectedFile(
                text(file.get("file")), text(file.get("rows")), text(file.get("rejectedRows")),
                file.get("rejectedShare") instanceof Number share ? String.format(java.util.Locale.ROOT, "%.1f %%",
                        share.doubleValue() * 100) : "", text(file.get("failure")),
                file.get("reasons") instanceof List<?> reasons ? reasons.stream().map(String::valueOf).toList()
                        : List.of())).toList();
        return new ImportReport(totals, files, rejected);
    }

    public boolean isEmpty() {
        return totals.isEmpty();
    }

    private static List<Map<?, ?>> entries(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
    }

    /** "rejectedRows" as "rejected rows". */
    private static String words(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Number number && !(value instanceof Double)
                ? String.format(java.util.Locale.ROOT, "%,d", number.longValue()) : String.valueOf(value);
    }
}
