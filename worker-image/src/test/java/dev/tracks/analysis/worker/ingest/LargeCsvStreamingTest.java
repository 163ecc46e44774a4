package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV of a million rows (about 44 MB) is read by a separate JVM whose heap (32 MB) could not hold the file, let
 * alone a million fixes (about 80 MB as records), so the read passing proves that the reader streams and that the
 * report's memory is bounded. A control run in the same heap that keeps the fixes fails.
 */
class LargeCsvStreamingTest {

    static final int ROWS = 1_000_000;
    static final int INVALID_EVERY = 500;
    static final int DUPLICATE_EVERY = 1_000;
    static final int HEAP_MB = 32;

    @TempDir
    Path dir;

    @Test
    void aMillionRowsStreamThroughASmallHeap() throws IOException, InterruptedException {
        Path csv = dir.resolve("large.csv");
        writeCsv(csv);
        assertThat(Files.size(csv)).as("the file is larger than the heap").isGreaterThan((long) HEAP_MB << 20);

        Child child = runWithSmallHeap(csv, "count");

        assertThat(child.exitValue()).as(child.output()).isZero();
        // multiples of 1000 are also multiples of 500 but were written as duplicates
        long invalid = ROWS / INVALID_EVERY - ROWS / DUPLICATE_EVERY;
        long duplicates = ROWS / DUPLICATE_EVERY;
        long accepted = ROWS - invalid - duplicates;
        assertThat(child.output()).isEqualTo(String.join(" ", "rows=" + ROWS, "accepted=" + accepted,
                "duplicates=" + duplicates, "rejected=" + invalid, "detailed=1000", "firstRejectedLine=501",
                "import=true"));
    }

    @Test
    void theSameHeapCannotHoldTheFixesOfThatFile() throws IOException, InterruptedException {
        Path csv = dir.resolve("large.csv");
        writeCsv(csv);

        Child child = runWithSmallHeap(csv, "collect");

        assertThat(child.exitValue()).isNotZero();
        assertThat(child.output()).contains("OutOfMemoryError");
    }

    private record Child(int exitValue, String output) {
    }

    private static Child runWithSmallHeap(Path csv, String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                BoundedHeapImport.class.getName(), csv.toString(), mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Child(process.exitValue(), output);
    }

    /**
     * One fix per second; every 1000th row repeats the row before it, and the other multiples of 500 have an
     * invalid latitude. Line 1 is the header, so row i is on line i + 1.
     */
    private static void writeCsv(Path csv) throws IOException {
        long start = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("user_id,tracked_at,latitude,longitude,elevation,accuracy\n");
            String previous = null;
            for (int i = 1; i <= ROWS; i++) {
                String row;
                if (i % INVALID_EVERY == 0 && i % DUPLICATE_EVERY != 0) {
                    row = "u7," + Instant.ofEpochSecond(start + i) + ",95.0,8.5,400,5\n";
                } else if (i % DUPLICATE_EVERY == 0) {
                    row = previous;
                } else {
                    row = "u7," + Instant.ofEpochSecond(start + i) + "," + (47 + i * 1e-6) + ",8.5,400,5\n";
                }
                out.write(row);
                previous = row;
            }
        }
    }
}
