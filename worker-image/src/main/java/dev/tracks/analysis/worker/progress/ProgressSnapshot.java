package dev.tracks.analysis.worker.progress;

import java.time.Instant;

/** A run's progress at one moment; rate and ETA are null until a first rate is measured. */
public record ProgressSnapshot(long totalPoints, long processedPoints, long failedPoints, double percent,
                               Double pointsPerSecond, Long etaSeconds, Instant at) {
}
