package dev.tracks.analysis.worker.analyze;

import dev.tracks.analysis.worker.progress.ProgressListener;
import dev.tracks.analysis.worker.progress.ProgressSnapshot;
import java.time.Instant;

/**
 * One progress bar for the runs of a skill on several threads, each over its shard of the users: their latest reports
 * summed (the rate too; the ETA is the longest), and final when every run has finished.
 */
final class ShardedProgress {

    private final ProgressListener out;
    private final ProgressSnapshot[] latest;
    private final boolean[] finished;

    ShardedProgress(ProgressListener out, int shards) {
        this.out = out;
        this.latest = new ProgressSnapshot[shards];
        this.finished = new boolean[shards];
    }

    /** The listener of one shard's run. */
    ProgressListener shard(int index) {
        return (progress, last) -> report(index, progress, last);
    }

    private synchronized void report(int index, ProgressSnapshot progress, boolean last) {
        latest[index] = progress;
        finished[index] |= last;
        long total = 0;
        long processed = 0;
        long failed = 0;
        Double rate = 0.0;
        Long eta = 0L;
        boolean all = true;
        for (int i = 0; i < latest.length; i++) {
            all &= finished[i];
            if (latest[i] == null) {
                continue;
            }
            total += latest[i].totalPoints();
            processed += latest[i].processedPoints();
            failed += latest[i].failedPoints();
            rate = rate == null || latest[i].pointsPerSecond() == null ? null : rate + latest[i].pointsPerSecond();
            eta = eta == null || latest[i].etaSeconds() == null ? null : Math.max(eta, latest[i].etaSeconds());
        }
        double percent = total == 0 ? (all ? 100 : 0) : 100.0 * processed / total;
        out.report(new ProgressSnapshot(total, processed, failed, percent, rate, eta, Instant.now()), all);
    }
}
