package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads GPX 1.0 and 1.1 (schemas http://www.topografix.com/GPX/1/0/gpx.xsd and .../GPX/1/1/gpx.xsd) with StAX, one
 * point at a time. jenetics jpx 3.2.1 is not used here because its {@code GPX.Reader} builds the whole document in
 * memory; it remains a good way to write test files.
 *
 * <p>Rows are the {@code trkpt} elements, and the {@code wpt} and {@code rtept} elements that have a time (untimed
 * waypoints and route points are planned places, not fixes, and are skipped without counting). Per point: the
 * {@code lat}/{@code lon} attributes, {@code ele} in metres, {@code time} (xsd:dateTime; "Date and time in are in
 * Univeral Coordinated Time (UTC)" per the schema, so a time without an offset is UTC), and a speed in m/s and course
 * in degrees from GPX 1.0's {@code speed}/{@code course} elements or from any extension element of those local names
 * (e.g. Garmin TrackPointExtension v2). {@code hdop} is unitless and not taken as accuracy. Core elements are
 * recognised in the GPX 1.0 or 1.1 namespace or in none. A point without a time is rejected; rejections carry the
 * line of the point's start tag. XML that is not well-formed ends the read with a failure. DTDs and external
 * entities are disabled, since sources may come from URLs.
 */
final class GpxReader implements FixReader {

    private static final Set<String> GPX_NAMESPACES = Set.of("", "http://www.topografix.com/GPX/1/0",
            "http://www.topografix.com/GPX/1/1");
    private static final Set<String> POINTS = Set.of("trkpt", "wpt", "rtept");

    /** The values of the point being read, as text until the point ends. */
    private static final class Point {
        final String element;
        final long line;
        final String lat;
        final String lon;
        String ele;
        String time;
        String speed;
        String course;

        Point(String element, long line, String lat, String lon) {
            this.element = element;
            this.line = line;
            this.lat = lat;
            this.lon = lon;
        }
    }

    @Override
    public ImportReport read(InputStream in, String userId, ReaderOptions options, FixSink sink) throws IOException {
        ImportGate gate = new ImportGate(LocationUnit.LINE, options, sink);
        if (userId == null) {
            gate.fail(0, "a GPX file names no user: give userId");
            return gate.report();
        }
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            readDocument(xml, userId, gate);
        } catch (XMLStreamException e) {
            gate.fail(lineOf(e.getLocation()), "not well-formed XML: " + e.getMessage());
        } finally {
            closeQuietly(xml);
        }
        return gate.report();
    }

    private static void readDocument(XMLStreamReader xml, String userId, ImportGate gate)
            throws XMLStreamException, IOException {
        boolean atRoot = true;
        Point point = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (atRoot && !"gpx".equals(name)) {
                    gate.fail(lineOf(xml.getLocation()), "not a GPX document: the root element is <" + name + ">");
                    return;
                }
                atRoot = false;
                if (point == null && POINTS.contains(name) && inGpxNamespace(xml)) {
                    point = new Point(name, lineOf(xml.getLocation()), xml.getAttributeValue(null, "lat"),
                            xml.getAttributeValue(null, "lon"));
                } else if (point != null) {
                    readPointChild(xml, name, point);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && point != null
                    && point.element.equals(xml.getLocalName()) && inGpxNamespace(xml)) {
                finishPoint(point, userId, gate);
                point = null;
            }
        }
    }

    private static void readPointChild(XMLStreamReader xml, String name, Point point) throws XMLStreamException {
        boolean core = inGpxNamespace(xml);
        if (core && "ele".equals(name)) {
            point.ele = xml.getElementText();
        } else if (core && "time".equals(name)) {
            point.time = xml.getElementText();
        } else if ("speed".equals(name)) {
            point.speed = xml.getElementText();
        } else if ("course".equals(name)) {
            point.course = xml.getElementText();
        }
    }

    private static void finishPoint(Point point, String userId, ImportGate gate) throws IOException {
        boolean untimedPlace = !"trkpt".equals(point.element) && FieldValues.optionalText(point.time) == null;
        if (untimedPlace) {
            return;
        }
        ImportedFix fix;
        try {
            long time = FixTimes.parse(point.time, ZoneOffset.UTC);
            double lat = FieldValues.required(point.lat, "lat");
            double lon = FieldValues.required(point.lon, "lon");
            fix = new ImportedFix(userId, time, lat, lon, FieldValues.optional(point.ele, "ele"), Double.NaN,
                    FieldValues.optional(point.speed, "speed"), FieldValues.optional(point.course, "course"), null);
        } catch (RowRejected e) {
            gate.reject(point.line, 0, e.getMessage());
            return;
        }
        gate.offer(point.line, 0, fix);
    }

    private static boolean inGpxNamespace(XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI();
        return GPX_NAMESPACES.contains(namespace == null ? "" : namespace);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static long lineOf(Location location) {
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    private static void closeQuietly(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader only releases its buffers; the report already says how far the file was read
        }
    }
}
