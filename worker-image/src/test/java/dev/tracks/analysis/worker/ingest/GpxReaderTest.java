package dev.tracks.analysis.worker.ingest;

import static dev.tracks.analysis.worker.ingest.Imports.millis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.ingest.Imports.Imported;
import io.jenetics.jpx.GPX;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GpxReaderTest {

    @Test
    void gpx11ReadsTrackPointsAndTimedWaypointsWithTimesInUtc() {
        Imported imported = Imports.readResource(ImportFormat.GPX, "track-1-1.gpx", "u1");

        assertThat(imported.fixes()).extracting(ImportedFix::epochMillis).containsExactly(
                millis("2023-11-08T09:00:00Z"), millis("2023-11-08T10:00:00Z"), millis("2023-11-08T10:00:01.250Z"),
                millis("2023-11-08T10:00:04Z"));
        assertThat(imported.fix(0).lat()).isEqualTo(47.2);
        assertThat(imported.fix(1)).isEqualTo(new ImportedFix("u1", millis("2023-11-08T10:00:00Z"), 47.0, 8.0,
                1000.5, Double.NaN, Double.NaN, Double.NaN, null));
        assertThat(imported.fix(2).altitudeMeters()).isEqualTo(1001);
        assertThat(imported.fix(2).speedMetersPerSecond()).as("Garmin extension speed").isEqualTo(3.5);
        assertThat(imported.fix(2).headingDegrees()).as("course -90 wrapped").isEqualTo(270);
        assertThat(imported.fix(3).altitudeMeters()).isNaN();
    }

    @Test
    void gpx11CountsTheRepeatedSegmentJoinAsDuplicateAndRejectsWithLines() {
        ImportReport report = Imports.readResource(ImportFormat.GPX, "track-1-1.gpx", "u1").report();

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.accepted()).isEqualTo(4);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.rejections()).containsExactly(
                new Rejection(29, 0, "time missing"),
                new Rejection(30, 0, "lat 95.0 is outside [-90, 90]"));
        assertThat(report.failure()).isNull();
        assertThat(report.shouldImport(0.05)).isFalse();
        assertThat(report.shouldImport(2.0 / 7)).isTrue();
    }

    @Test
    void gpx10ReadsSpeedAndCourseElements() {
        Imported imported = Imports.readResource(ImportFormat.GPX, "track-1-0.gpx", "u1");

        assertThat(imported.report().accepted()).isEqualTo(2);
        assertThat(imported.fix(0)).isEqualTo(new ImportedFix("u1", millis("2009-01-01T10:00:00Z"), -33.9, 151.2,
                12.5, Double.NaN, 1.5, 45.5, null));
        assertThat(imported.fix(1).speedMetersPerSecond()).as("-1 means unknown").isNaN();
    }

    @Test
    void aGpxWithoutNamespaceIsRead() {
        String gpx = "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T00:00:00Z</time>"
                + "</trkpt></trkseg></trk></gpx>";

        assertThat(Imports.read(ImportFormat.GPX, gpx, "u1").fixes()).singleElement()
                .extracting(ImportedFix::lon).isEqualTo(2.0);
    }

    @Test
    void pointsInAForeignNamespaceAreNotFixes() {
        String gpx = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:x=\"urn:other\"><extensions>"
                + "<x:trkpt lat=\"1\" lon=\"2\"><x:time>2020-01-01T00:00:00Z</x:time></x:trkpt></extensions></gpx>";

        assertThat(Imports.read(ImportFormat.GPX, gpx, "u1").report().rows()).isZero();
    }

    @Test
    void brokenXmlFailsTheFileAtItsLineAfterReadingThePointsBefore() {
        String gpx = "<gpx xmlns=\"http://www.topografix.com/GPX/1/0\">\n<trk><trkseg>\n"
                + "<trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T00:00:00Z</time></trkpt>\n"
                + "<trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T00:00:01Z</trkpt>\n</trkseg></trk></gpx>";

        Imported imported = Imports.read(ImportFormat.GPX, gpx, "u1");

        assertThat(imported.report().accepted()).isEqualTo(1);
        assertThat(imported.report().failure().location()).isEqualTo(4);
        assertThat(imported.report().failure().reason()).startsWith("not well-formed XML");
        assertThat(imported.report().shouldImport(1.0)).isFalse();
    }

    @Test
    void anotherXmlDocumentIsNotGpx() {
        ImportReport report = Imports.read(ImportFormat.GPX, "<kml><trkpt lat=\"1\" lon=\"2\"/></kml>", "u1").report();

        assertThat(report.failure().reason()).isEqualTo("not a GPX document: the root element is <kml>");
    }

    @Test
    void withoutAUserTheFileFails() {
        ImportReport report = Imports.readResource(ImportFormat.GPX, "track-1-0.gpx", null).report();

        assertThat(report.rows()).isZero();
        assertThat(report.failure().reason()).contains("give userId");
    }

    @Test
    void readsWhatJpxWritesInBothVersions() {
        for (GPX.Version version : GPX.Version.values()) {
            GPX gpx = GPX.builder(version, "jpx")
                    .addTrack(track -> track.addSegment(segment -> segment
                            .addPoint(p -> p.lat(48.2081743).lon(16.3738189).ele(160).speed(2.5)
                                    .time(Instant.parse("2021-03-04T05:06:07.123Z")))
                            .addPoint(p -> p.lat(48.2).lon(16.4).time(Instant.parse("2021-03-04T05:06:17Z")))))
                    .build();

            Imported imported = Imports.read(ImportFormat.GPX, GPX.Writer.DEFAULT.toString(gpx), "u1");

            assertThat(imported.report().accepted()).as(version.name()).isEqualTo(2);
            assertThat(imported.fix(0).epochMillis()).isEqualTo(millis("2021-03-04T05:06:07.123Z"));
            assertThat(imported.fix(0).lat()).isEqualTo(48.2081743);
            assertThat(imported.fix(0).altitudeMeters()).isEqualTo(160);
            if (version == GPX.Version.V10) {
                assertThat(imported.fix(0).speedMetersPerSecond()).isEqualTo(2.5);
            }
        }
    }
}
