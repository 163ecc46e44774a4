package dev.tracks.analysis.reference;

import java.time.Instant;

/**
 * One row of reference_loads: a file loaded as one version of its kind.
 *
 * @param options the parser options used, as the JSON object stored
 * @param deactivatedAt when another load replaced it as active; null while active or never active
 */
public record ReferenceLoad(long id, ReferenceKind kind, String sourceFile, String checksum, String attribution,
                            String options, int rowCount, Instant loadedAt, boolean active, Instant deactivatedAt) {
}
