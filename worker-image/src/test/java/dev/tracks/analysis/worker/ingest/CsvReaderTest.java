package dev.tracks.analysis.worker.ingest;

import static dev.tracks.analysis.worker.ingest.Imports.millis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.ingest.Imports.Imported;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void semicolonFileWithIsoTimesAndAUserColumn() {
        Imported imported = Imports.readResource(ImportFormat.CSV, "points.csv", null);

        assertThat(imported.report().accepted()).isEqualTo(3);
        assertThat(imported.fix(0)).isEqualTo(new ImportedFix("1", millis("2015-11-27T08:00:00Z"), 47.37651505,
                8.548779487, 456, 1, Double.NaN, Double.NaN, null));
        ImportedFix third = imported.fix(2);
        assertThat(third.userId()).isEqualTo("2");
        assertThat(third.epochMillis()).as("+01:00 to UTC").isEqualTo(millis("2015-11-27T09:00:26.500Z"));
        assertThat(third.altitudeMeters()).as("empty elevation").isNaN();
        assertThat(third.accuracyMeters()).isEqualTo(20);
    }

    @Test
    void theUserIdParameterWinsOverTheUserColumn() {
        Imported imported = Imports.readResource(ImportFormat.CSV, "points.csv", "alice");

        assertThat(imported.fixes()).extracting(ImportedFix::userId).containsOnly("alice");
    }

    @Test
    void commaFileWithEpochSecondsAndMilliseconds() {
        String csv = "time,lat,lng,alt,speed,heading,mode\n"
                + "1224997174,39.9,116.3,50,1.5,90,walk\n"
                + "1224997175500,39.9,116.31,,,,\n"
                + "1224997176.25,39.9,116.32,,,,\n";

        Imported imported = Imports.read(ImportFormat.CSV, csv, "u");

        assertThat(imported.fixes()).extracting(ImportedFix::epochMillis)
                .containsExactly(1_224_997_174_000L, 1_224_997_175_500L, 1_224_997_176_250L);
        assertThat(imported.fix(0)).isEqualTo(new ImportedFix("u", 1_224_997_174_000L, 39.9, 116.3, 50, Double.NaN,
                1.5, 90, "walk"));
        assertThat(imported.fix(1).label()).isNull();
    }

    @Test
    void localTimesAreRejectedUnlessAZoneIsConfigured() {
        String csv = "user_id;longitude;latitude;accuracy;tracked_at\n"
                + "0;7.0389004;47.0516249;0.0;2019-01-25 20:00:16.178999901\n";

        Imported withoutZone = Imports.read(ImportFormat.CSV, csv, null);
        Imported inZurich = Imports.read(ImportFormat.CSV, csv, null,
                ReaderOptions.defaults().withZone(ZoneId.of("Europe/Zurich")));

        assertThat(withoutZone.rejectionTexts()).containsExactly(
                "line 2: time '2019-01-25 20:00:16.178999901' has no UTC offset and no zone is configured");
        assertThat(inZurich.fix(0).epochMillis()).isEqualTo(millis("2019-01-25T19:00:16.178Z"));
        assertThat(inZurich.fix(0).lon()).isEqualTo(7.0389004);
    }

    @Test
    void rejectsMalformedRowsWithLineNumbersAndReasons() {
        String csv = "user_id;tracked_at;latitude;longitude;accuracy\n"
                + "1;2020-01-01T00:00:00Z;47;8;5\n"
                + "1;2020-01-01T00:00:01Z;47;8\n"
                + "\n"
                + "1;yesterday;47;8;5\n"
                + "1;2020-01-01T00:00:03Z;;8;5\n"
                + "1;2020-01-01T00:00:04Z;NaN;8;5\n"
                + "1;2020-01-01T00:00:05Z;47;180.5;5\n"
                + "1;2020-01-01T00:00:06Z;47;8;good\n"
                + ";2020-01-01T00:00:07Z;47;8;5\n"
                + "1;2020-01-01T00:00:08Z;47,5;8;5;\n"
                + "1;2020-02-30T00:00:09Z;47;8;5\n";

        Imported imported = Imports.read(ImportFormat.CSV, csv, null);

        assertThat(imported.rejectionTexts()).containsExactly(
                "line 3: expected 5 fields as in the header, found 4",
                "line 5: time 'yesterday' is neither ISO-8601 nor an epoch number",
                "line 6: lat missing",
                "line 7: lat is not a finite number: 'NaN'",
                "line 8: lon 180.5 is outside [-180, 180]",
                "line 9: accuracy is not a number: 'good'",
                "line 10: user id missing",
                "line 11: expected 5 fields as in the header, found 6",
                "line 12: time '2020-02-30T00:00:09Z' is neither ISO-8601 nor an epoch number");
        assertThat(imported.report().rows()).isEqualTo(10);
        assertThat(imported.report().accepted()).isEqualTo(1);
    }

    @Test
    void implausibleTimesAreRejectedRowByRowLikeAnyBadValue() {
        String csv = "user_id,time,lat,lon\n"
                + "u,2020-01-01T00:00:00Z,47,8\n"
                + "u,-0500-05-04T08:00:00Z,47,8\n"
                + "u,99999999999999999,47,8\n"
                + "u,0001-01-01T00:00:00Z,47,8\n"
                + "u,9999-12-31T23:59:59Z,47,8\n"
                + "u,1989-12-31T23:59:59Z,47,8\n"
                + "u,1990-01-01T00:00:00Z,47,8\n";

        Imported imported = Imports.read(ImportFormat.CSV, csv, null);

        assertThat(imported.fixes()).extracting(ImportedFix::epochMillis).containsExactly(
                millis("2020-01-01T00:00:00Z"), millis("1990-01-01T00:00:00Z"));
        assertThat(imported.rejectionTexts()).hasSize(5).allSatisfy(text -> assertThat(text).contains(
                "is outside the plausible window [1990-01-01T00:00:00Z, ", "(params earliestYear and maxFutureHours)"));
        assertThat(imported.rejectionTexts()).extracting(text -> text.substring(0, text.indexOf(" is outside")))
                .containsExactly("line 3: time -0500-05-04T08:00:00Z", "line 4: time +3170843-11-07T09:46:39.999Z",
                        "line 5: time 0001-01-01T00:00:00Z", "line 6: time 9999-12-31T23:59:59Z",
                        "line 7: time 1989-12-31T23:59:59Z");
    }

    @Test
    void quotedFieldsMayHoldTheDelimiter() {
        String csv = "\"user_id\",\"time\",\"lat\",\"lon\",\"label\"\n"
                + "\"smith, anna\",2020-01-01T00:00:00Z,47,8,\"say \"\"bus\"\"\"\n"
                + "\"open,2020-01-01T00:00:01Z,47,8,x\n";

        Imported imported = Imports.read(ImportFormat.CSV, csv, null);

        assertThat(imported.fix(0).userId()).isEqualTo("smith, anna");
        assertThat(imported.fix(0).label()).isEqualTo("say \"bus\"");
        assertThat(imported.rejectionTexts()).containsExactly("line 3: unterminated quote");
    }

    @Test
    void configuredColumnNamesWinOverTheDefaults() {
        String csv = "\uFEFFts\ty\tx\ttime\n2020-01-01T00:00:00Z\t47\t8\tnot a time\n";
        FieldNames names = FieldNames.defaults().with(FixField.TIME, "ts").with(FixField.LAT, "y")
                .with(FixField.LON, "x");

        Imported imported = Imports.read(ImportFormat.CSV, csv, "u", ReaderOptions.defaults().withFieldNames(names));

        assertThat(imported.fixes()).singleElement().isEqualTo(ImportedFix.of("u", millis("2020-01-01T00:00:00Z"),
                47, 8, Double.NaN));
    }

    @Test
    void aMissingRequiredColumnFailsTheFileAtTheHeader() {
        String csv = "\n\nuser_id;tracked_at;longitude\n1;2020-01-01T00:00:00Z;8\n";

        ImportReport report = Imports.read(ImportFormat.CSV, csv, null).report();

        assertThat(report.failure()).isEqualTo(new Rejection(3, 0,
                "no lat column (looked for [latitude, lat])"));
        assertThat(report.rows()).isZero();
    }

    @Test
    void withoutUserColumnAUserIdIsNeeded() {
        String csv = "time,lat,lon\n2020-01-01T00:00:00Z,47,8\n";

        assertThat(Imports.read(ImportFormat.CSV, csv, null).report().failure().reason())
                .isEqualTo("no user column (looked for [user_id, userid, user]) and no userId given");
        assertThat(Imports.read(ImportFormat.CSV, csv, "u").report().accepted()).isEqualTo(1);
    }

    @Test
    void anEmptyFileHasNoRows() {
        ImportReport report = Imports.read(ImportFormat.CSV, "", "u").report();

        assertThat(report.rows()).isZero();
        assertThat(report.failure()).isNull();
    }

    @Test
    void theDelimiterIsTheMostFrequentOutsideQuotes() {
        assertThat(CsvLine.detectDelimiter("a;b;c")).isEqualTo(';');
        assertThat(CsvLine.detectDelimiter("a,b,c")).isEqualTo(',');
        assertThat(CsvLine.detectDelimiter("\"a,b\";\"c,d\";e")).isEqualTo(';');
        assertThat(CsvLine.detectDelimiter("a\tb")).isEqualTo('\t');
        assertThat(CsvLine.detectDelimiter("a;b,c")).as("tie: comma first").isEqualTo(',');
        assertThat(CsvLine.detectDelimiter("single")).isEqualTo(',');
    }
}
