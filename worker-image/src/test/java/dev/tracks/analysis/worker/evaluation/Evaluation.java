package dev.tracks.analysis.worker.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Evaluates the analysis cores on the real traces of the shared data folder (never committed; see
 * {@code docs/evaluation.md}) and prints a Markdown report: GeoLife user 020 against its transport-mode labels, the
 * skill chain's counts on ten unlabelled GeoLife users, and stay detection against the 36 stops of bus route 304.
 * A program, not a test: each part is skipped with a message when its folder is absent, so nothing needs the data.
 *
 * <p>Run after {@code test-compile}, with the worker's test classpath built with {@code -Pevaluation} (which adds the
 * SQLite driver the bus stops need): {@code java -cp <classpath> dev.tracks.analysis.worker.evaluation.Evaluation
 * /work/shared/data}.
 */
public final class Evaluation {

    private static final String DEFAULT_DATA = "/work/shared/data";

    /** One part of the evaluation over one folder of the data. */
    @FunctionalInterface
    private interface Part {
        void report(Path folder) throws Exception;
    }

    private Evaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : DEFAULT_DATA);
        if (!Files.isDirectory(data)) {
            System.out.println("SKIPPED: no data folder at " + data + " (the real traces are not part of the"
                    + " repository; pass the folder that holds geolife-labeled/, geolife-unlabeled/ and bus-304/)");
            return;
        }
        System.out.println("# Evaluation on " + data.toAbsolutePath() + "\n");
        run("GeoLife user 020 against its labels", data.resolve("geolife-labeled").resolve("020"),
                LabeledEvaluation::report);
        run("GeoLife unlabelled users 000-009", data.resolve("geolife-unlabeled"), UnlabeledEvaluation::report);
        run("Bus 304: stays against bus stops", data.resolve("bus-304"), BusStopEvaluation::report);
    }

    private static void run(String title, Path folder, Part part) throws Exception {
        System.out.println("## " + title + "\n");
        if (!Files.isDirectory(folder)) {
            System.out.println("SKIPPED: " + folder + " is absent.\n");
            return;
        }
        part.report(folder);
    }
}
