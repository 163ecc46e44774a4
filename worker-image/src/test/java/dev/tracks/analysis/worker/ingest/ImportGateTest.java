package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportGateTest {

    /**
     * Most tests here name their fixes' times 1, 2, 3 (milliseconds after 1970): a window that admits them, so that
     * each test checks what it is about; the plausible window has its own.
     */
    private static final FixTimeWindow ANY_TIME = new FixTimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

    private final List<ImportedFix> received = new ArrayList<>();

    private static ReaderOptions anyTime() {
        return ReaderOptions.defaults().withTimeWindow(ANY_TIME);
    }

    private ImportGate gate(ReaderOptions options) {
        return new ImportGate(LocationUnit.LINE, options, received::add);
    }

    private static ImportedFix fix(String user, long time, double lat, double lon) {
        return ImportedFix.of(user, time, lat, lon, Double.NaN);
    }

    @Test
    void coordinateRangesAreClosedAsInTheTableChecks() throws IOException {
        ImportGate gate = gate(anyTime());

        gate.offer(1, 0, fix("u", 1, 90, -180));
        gate.offer(2, 0, fix("u", 2, -90, 180));
        gate.offer(3, 0, fix("u", 3, 90.000001, 0));
        gate.offer(4, 0, fix("u", 4, 0, -180.000001));
        gate.offer(5, 0, fix("u", 5, Double.NaN, 0));

        assertThat(received).hasSize(2);
        assertThat(gate.report().rejections()).extracting(Rejection::location).containsExactly(3L, 4L, 5L);
        assertThat(gate.report().rejections().get(2).reason()).isEqualTo("lat NaN is outside [-90, 90]");
    }

    @Test
    void userIdsMustFitTheTable() throws IOException {
        ImportGate gate = gate(anyTime());

        gate.offer(1, 0, fix("x".repeat(128), 1, 0, 0));
        gate.offer(2, 0, fix("x".repeat(129), 1, 0, 0));
        gate.offer(3, 0, fix(" ", 1, 0, 0));
        gate.offer(4, 0, fix(null, 1, 0, 0));

        assertThat(received).hasSize(1);
        assertThat(gate.report().rejections()).extracting(Rejection::reason).containsExactly(
                "user id longer than 128 characters", "user id missing", "user id missing");
    }

    @Test
    void textWithANulCharacterIsRejectedAsPostgreSqlCannotStoreIt() throws IOException {
        ImportGate gate = gate(anyTime());

        gate.offer(1, 0, fix("u\0v", 1, 0, 0));
        gate.offer(2, 0, new ImportedFix("u", 2, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "bus\0"));
        gate.offer(3, 0, new ImportedFix("u", 3, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "bus"));

        assertThat(received).extracting(ImportedFix::epochMillis).containsExactly(3L);
        assertThat(gate.report().rejections()).extracting(Rejection::reason).containsExactly(
                "user id contains a NUL character", "label contains a NUL character");
    }

    @Test
    void optionalValuesOutsideTheTableDomainBecomeUnknownOrWrapped() throws IOException {
        ImportGate gate = gate(anyTime());

        gate.offer(1, 0, new ImportedFix("u", 1, 0, 0, -20, -1, -1, 360, null));
        gate.offer(2, 0, new ImportedFix("u", 2, 0, 0, 5, 3, 2, -10, null));
        gate.offer(3, 0, new ImportedFix("u", 3, 0, 0, 5, Double.POSITIVE_INFINITY, 0, 725, null));

        assertThat(received).containsExactly(
                new ImportedFix("u", 1, 0, 0, -20, Double.NaN, Double.NaN, 0, null),
                new ImportedFix("u", 2, 0, 0, 5, 3, 2, 350, null),
                new ImportedFix("u", 3, 0, 0, 5, Double.NaN, 0, 5, null));
    }

    @Test
    void timesOutsideThePlausibleWindowAreRejectedWithTheWindow() throws IOException {
        Instant started = Instant.parse("2026-12-03T12:00:00Z");
        ImportGate gate = gate(ReaderOptions.defaults().withTimeWindow(FixTimeWindow.of(1990, 24, started)));

        gate.offer(1, 0, fix("u", Imports.millis("1990-01-01T00:00:00Z"), 0, 0));
        gate.offer(2, 0, fix("u", Imports.millis("1989-12-31T23:59:59.999Z"), 0, 0));
        gate.offer(3, 0, fix("u", Imports.millis("2026-12-04T12:00:00Z"), 0, 0));
        gate.offer(4, 0, fix("u", Imports.millis("2026-12-04T12:00:00.001Z"), 0, 0));
        gate.offer(5, 0, fix("u", Imports.millis("0001-01-01T00:00:00Z"), 0, 0));
        gate.offer(6, 0, fix("u", Imports.millis("9999-12-31T23:59:59Z"), 0, 0));
        gate.offer(7, 0, fix("u", Imports.millis("-0500-05-04T08:00:00Z"), 0, 0));
        gate.offer(8, 0, fix("u", 99_999_999_999_999_999L, 0, 0));

        assertThat(received).extracting(ImportedFix::epochMillis).containsExactly(
                Imports.millis("1990-01-01T00:00:00Z"), Imports.millis("2026-12-04T12:00:00Z"));
        assertThat(gate.report().rejections()).extracting(Rejection::location).containsExactly(2L, 4L, 5L, 6L, 7L,
                8L);
        assertThat(gate.report().rejections().get(2).reason()).isEqualTo("time 0001-01-01T00:00:00Z is outside the"
                + " plausible window [1990-01-01T00:00:00Z, 2026-12-04T12:00:00Z] (params earliestYear and"
                + " maxFutureHours)");
    }

    @Test
    void altitudePlausibilityIsOptional() throws IOException {
        ImportGate open = gate(anyTime());
        ImportGate bounded = gate(anyTime().withAltitudeRange(-500, 9000));

        for (ImportGate gate : List.of(open, bounded)) {
            gate.offer(1, 0, ImportedFix.of("u", 1, 0, 0, 12_000));
            gate.offer(2, 0, ImportedFix.of("u", 2, 0, 0, Double.NaN));
            gate.offer(3, 0, ImportedFix.of("u", 3, 0, 0, Double.NEGATIVE_INFINITY));
        }

        assertThat(open.report().accepted()).isEqualTo(2);
        assertThat(bounded.report().accepted()).as("unknown altitude passes").isEqualTo(1);
        assertThat(bounded.report().rejections()).extracting(Rejection::reason).containsExactly(
                "altitude 12000.0 m is outside [-500.0, 9000.0]", "altitude is not finite");
    }

    @Test
    void identicalFixesOfOneUserAreDroppedWhileDifferentOnesPass() throws IOException {
        ImportGate gate = gate(anyTime());

        gate.offer(1, 0, new ImportedFix("u", 1000, 47, 8, 400, 5, Double.NaN, Double.NaN, null));
        gate.offer(2, 0, new ImportedFix("u", 1000, 47, 8, 999, 50, 1, 1, "bus"));
        gate.offer(3, 0, fix("v", 1000, 47, 8));
        gate.offer(4, 0, fix("u", 1000, 47.000001, 8));
        gate.offer(5, 0, fix("u", 1001, 47, 8));
        gate.offer(6, 0, fix("w", 5, 0.0, -0.0));
        gate.offer(7, 0, fix("w", 5, -0.0, 0.0));

        assertThat(received).extracting(ImportedFix::userId).containsExactly("u", "v", "u", "u", "w");
        assertThat(received.get(0).altitudeMeters()).as("the first of identical fixes is kept").isEqualTo(400);
        assertThat(gate.report().duplicates()).isEqualTo(2);
        assertThat(gate.report().rows()).isEqualTo(7);
    }

    @Test
    void duplicatesAreFoundOnlyWithinTheRecentWindow() throws IOException {
        ReaderOptions window2 = new ReaderOptions(FieldNames.defaults(), null, 1000, 2, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, ANY_TIME);
        ImportGate gate = gate(window2);

        gate.offer(1, 0, fix("u", 1, 0, 0));
        gate.offer(2, 0, fix("u", 2, 0, 0));
        gate.offer(3, 0, fix("u", 1, 0, 0));
        gate.offer(4, 0, fix("u", 3, 0, 0));
        gate.offer(5, 0, fix("u", 1, 0, 0));

        assertThat(received).extracting(ImportedFix::epochMillis).containsExactly(1L, 2L, 3L, 1L);
    }

    @Test
    void allRejectionsAreCountedButOnlyTheFirstAreKept() {
        ImportGate gate = gate(anyTime().withMaxDetailedRejections(3));

        for (int line = 1; line <= 10; line++) {
            gate.reject(line, 0, "bad");
        }

        assertThat(gate.report().rejected()).isEqualTo(10);
        assertThat(gate.report().rejections()).extracting(Rejection::location).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theFirstFailureIsKept() {
        ImportGate gate = gate(anyTime());

        gate.fail(4, "first");
        gate.fail(9, "second");

        assertThat(gate.report().failure()).isEqualTo(new Rejection(4, 0, "first"));
    }
}
