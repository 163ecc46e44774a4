package dev.tracks.analysis.worker.progress;

import java.io.PrintWriter;

/** A one-line progress bar on the console for command-line runs, redrawn in place. */
public final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;

    public ConsoleProgress(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void report(ProgressSnapshot progress, boolean last) {
        int filled = (int) Math.round(progress.percent() / 100 * WIDTH);
        String eta = progress.etaSeconds() == null ? "" : " ETA " + progress.etaSeconds() + " s";
        String rate = progress.pointsPerSecond() == null ? ""
                : String.format(" %,.0f pts/s", progress.pointsPerSecond());
        out.printf("\r%-20s [%s%s] %5.1f%% %,d/%,d%s%s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                progress.percent(), progress.processedPoints(), progress.totalPoints(), rate, last ? "" : eta);
        if (last) {
            out.println();
        }
        out.flush();
    }
}
