package dev.tracks.analysis.worker.ingest;

import static dev.tracks.analysis.worker.ingest.Imports.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.ingest.Imports.Imported;
import org.junit.jupiter.api.Test;

class PltReaderTest {

    private static final String HEADER = "Geolife trajectory\nWGS 84\nAltitude is in Feet\nReserved 3\n"
            + "0,2,255,My Track,0,0,2,8421376\n0\n";

    @Test
    void readsFixesInUtcWithAltitudeFromFeet() {
        Imported imported = Imports.readResource(ImportFormat.PLT, "geolife/007/Trajectory/20081023025304.plt", "007");

        assertThat(imported.report().rows()).isEqualTo(3);
        assertThat(imported.report().accepted()).isEqualTo(3);
        assertThat(imported.fixes()).extracting(ImportedFix::epochMillis).containsExactly(
                millis("2008-10-23T02:53:04Z"), millis("2008-10-23T02:53:10Z"), millis("2008-10-23T02:53:15Z"));
        ImportedFix first = imported.fix(0);
        assertThat(first.userId()).isEqualTo("007");
        assertThat(first.lat()).isEqualTo(39.984702);
        assertThat(first.lon()).isEqualTo(116.318417);
        assertThat(first.altitudeMeters()).isCloseTo(492 * 0.3048, within(1e-9));
        assertThat(imported.fix(1).altitudeMeters()).as("-777 feet is unknown").isNaN();
        assertThat(imported.fix(2).altitudeMeters()).isCloseTo(30.48, within(1e-9));
        assertThat(first.accuracyMeters()).isNaN();
        assertThat(first.speedMetersPerSecond()).isNaN();
    }

    @Test
    void rejectsMalformedRowsWithTheirLineNumbers() {
        String plt = HEADER
                + "39.9,116.3,0,10,39744.1,2008-10-23,02:53:04\n"
                + "39.9,116.3,0,10\n"
                + "abc,116.3,0,10,39744.1,2008-10-23,02:53:05\n"
                + "39.9,116.3,0,10,39744.1,2008-13-23,02:53:06\n"
                + "\n"
                + "91,116.3,0,10,39744.1,2008-10-23,02:53:07\n"
                + "39.9,116.3,0,ten,39744.1,2008-10-23,02:53:08\n"
                + "39.9,116.3,0,10,39744.1,2008-10-23,02:53:04\n";

        Imported imported = Imports.read(ImportFormat.PLT, plt, "u");

        assertThat(imported.rejectionTexts()).containsExactly(
                "line 8: expected 7 comma-separated fields, found 4",
                "line 9: lat is not a number: 'abc'",
                "line 10: date/time '2008-13-23 02:53:06' is not yyyy-MM-dd HH:mm:ss",
                "line 12: lat 91.0 is outside [-90, 90]",
                "line 13: altitude is not a number: 'ten'");
        assertThat(imported.report().rows()).as("the blank line is no row").isEqualTo(7);
        assertThat(imported.report().accepted()).isEqualTo(1);
        assertThat(imported.report().duplicates()).as("line 14 repeats line 7").isEqualTo(1);
    }

    @Test
    void timesOfOtherShapesAreReadOrRejectedAsIsoDatesAndTimes() {
        String plt = HEADER
                + "39.9,116.3,0,10,39744.1,2008-02-29,23:59:59\n"
                + "39.9,116.3,0,10,39744.1,2008-02-29,23:59:59.5\n"
                + "39.9,116.3,0,10,39744.1,2008-02-29,23:59\n"
                + "39.9,116.3,0,10,39744.1,2007-02-29,00:00:00\n"
                + "39.9,116.3,0,10,39744.1,2008-10-23,24:00:00\n"
                + "39.9,116.3,0,10,39744.1,2008-10-23,2:53:04\n"
                + "39.9,116.3,0,10,39744.1,+999999999-12-31,00:00:00\n";

        Imported imported = Imports.read(ImportFormat.PLT, plt, "u");

        assertThat(imported.fixes()).extracting(ImportedFix::epochMillis).containsExactly(
                millis("2008-02-29T23:59:59Z"), millis("2008-02-29T23:59:59.500Z"), millis("2008-02-29T23:59:00Z"));
        assertThat(imported.rejectionTexts()).containsExactly(
                "line 10: date/time '2007-02-29 00:00:00' is not yyyy-MM-dd HH:mm:ss",
                "line 11: date/time '2008-10-23 24:00:00' is not yyyy-MM-dd HH:mm:ss",
                "line 12: date/time '2008-10-23 2:53:04' is not yyyy-MM-dd HH:mm:ss",
                "line 13: date/time '+999999999-12-31 00:00:00' is not yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void aFileWithOnlyTheHeaderHasNoRows() {
        ImportReport report = Imports.read(ImportFormat.PLT, HEADER, "u").report();

        assertThat(report.rows()).isZero();
        assertThat(report.shouldImport(0)).isTrue();
    }

    @Test
    void withoutAUserTheFileFails() {
        ImportReport report = Imports.read(ImportFormat.PLT, HEADER + "39.9,116.3,0,10,1,2008-10-23,02:53:04\n", null)
                .report();

        assertThat(report.accepted()).isZero();
        assertThat(report.failure()).isNotNull();
        assertThat(report.shouldImport(1)).isFalse();
    }
}
