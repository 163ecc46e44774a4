package dev.tracks.analysis.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * V13's pending_points (a full scan of the fixes), created under the name {@code reference_pending_points}: the
 * definition that the index-driven one of V24 must agree with (PendingPointsTest) and is measured against
 * (WorkerBenchmark).
 */
public final class ReferencePendingPoints {

    public static final String FUNCTION = "reference_pending_points";

    private ReferencePendingPoints() {
    }

    /** The SQL that creates (or replaces) the reference function. */
    public static String createFunction() {
        try (InputStream in = ReferencePendingPoints.class
                .getResourceAsStream("/db/migration/V13__pending_points.sql")) {
            String v13 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!v13.contains("CREATE FUNCTION pending_points(")) {
                throw new IllegalStateException("V13 no longer creates pending_points");
            }
            return v13.replace("CREATE FUNCTION pending_points(", "CREATE OR REPLACE FUNCTION " + FUNCTION + "(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
