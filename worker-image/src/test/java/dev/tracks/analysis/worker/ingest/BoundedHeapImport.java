package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test program for {@link LargeCsvStreamingTest}, run in its own small-heap JVM: reads one CSV (argument 1) into a
 * sink that only counts, or with argument 2 {@code collect} keeps every fix (the control that must run out of
 * memory), and prints the report's counts on one line.
 */
public final class BoundedHeapImport {

    private BoundedHeapImport() {
    }

    public static void main(String[] args) throws IOException {
        long[] received = {0};
        List<ImportedFix> kept = new ArrayList<>();
        boolean collect = "collect".equals(args[1]);
        ImportReport report = FixReaders.read(new SourceFile(Path.of(args[0]), ImportFormat.CSV, null),
                ReaderOptions.defaults(), fix -> {
                    received[0]++;
                    if (collect) {
                        kept.add(fix);
                    }
                });
        if (received[0] != report.accepted()) {
            throw new IllegalStateException("sink received " + received[0] + ", report says " + report.accepted());
        }
        System.out.println(String.join(" ", "rows=" + report.rows(), "accepted=" + report.accepted(),
                "duplicates=" + report.duplicates(), "rejected=" + report.rejected(),
                "detailed=" + report.rejections().size(),
                "firstRejectedLine=" + report.rejections().get(0).location(),
                "import=" + report.shouldImport(0.05)));
    }
}
