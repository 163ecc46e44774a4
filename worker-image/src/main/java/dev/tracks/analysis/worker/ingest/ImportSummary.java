package dev.tracks.analysis.worker.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The totals of an import over its files, the first files one by one (rows, rejected rows, inserted fixes, imported
 * or not), and every rejected file with its first reasons (line numbers).
 */
public record ImportSummary(int files, int rejectedFiles, long rows, long accepted, long duplicates, long rejectedRows,
                            long inserted, List<Map<String, Object>> perFile, List<Map<String, Object>> rejected) {

    /** Rejection reasons kept per rejected file in the summary. */
    private static final int REASONS_PER_FILE = 5;
    /**
     * Files listed one by one in the summary, which lives in the task's status: an import of thousands of files
     * keeps its totals and rejected files, not a line per file.
     */
    static final int FILES_LISTED = 100;

    public static ImportSummary of(List<PointImport.FileOutcome> outcomes) {
        List<Map<String, Object>> rejected = outcomes.stream().filter(outcome -> !outcome.imported())
                .map(ImportSummary::describe).toList();
        return new ImportSummary(outcomes.size(), rejected.size(),
                outcomes.stream().mapToLong(o -> o.report().rows()).sum(),
                outcomes.stream().mapToLong(o -> o.report().accepted()).sum(),
                outcomes.stream().mapToLong(o -> o.report().duplicates()).sum(),
                outcomes.stream().mapToLong(o -> o.report().rejected()).sum(),
                outcomes.stream().mapToLong(PointImport.FileOutcome::inserted).sum(),
                outcomes.stream().limit(FILES_LISTED).map(ImportSummary::line).toList(), rejected);
    }

    private static Map<String, Object> line(PointImport.FileOutcome outcome) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", outcome.file());
        if (outcome.userId() != null) {
            file.put("userId", outcome.userId());
        }
        file.put("rows", outcome.report().rows());
        file.put("rejectedRows", outcome.report().rejected());
        file.put("insertedPoints", outcome.inserted());
        file.put("imported", outcome.imported());
        return file;
    }

    private static Map<String, Object> describe(PointImport.FileOutcome outcome) {
        ImportReport report = outcome.report();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", outcome.file());
        file.put("rows", report.rows());
        file.put("rejectedRows", report.rejected());
        file.put("rejectedShare", Math.round(report.rejectedShare() * 10_000) / 10_000.0);
        if (report.failure() != null) {
            file.put("failure", report.failure().describe(report.unit()));
        }
        file.put("reasons", report.rejections().stream().limit(REASONS_PER_FILE)
                .map(rejection -> rejection.describe(report.unit())).toList());
        return file;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("files", files);
        map.put("rejectedFiles", rejectedFiles);
        map.put("rows", rows);
        map.put("acceptedRows", accepted);
        map.put("duplicateRows", duplicates);
        map.put("rejectedRows", rejectedRows);
        map.put("insertedPoints", inserted);
        map.put("perFile", perFile);
        if (!rejected.isEmpty()) {
            map.put("rejected", rejected);
        }
        return map;
    }

    /** One line for the task's failure message: which files were rejected and why. */
    public String failureMessage(double maxRejectedShare) {
        return rejectedFiles + " of " + files + " files rejected (more than " + maxRejectedShare * 100
                + "% invalid rows, or unreadable); nothing of them was imported: " + rejected.stream()
                .map(file -> file.get("file") + " (" + (file.containsKey("failure") ? file.get("failure")
                        : file.get("rejectedShare") + " invalid, e.g. " + file.get("reasons")) + ")")
                .collect(Collectors.joining("; "));
    }
}
