package dev.tracks.analysis.worker.zone;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import net.iakovlev.timeshape.TimeZoneEngine;
import net.iakovlev.timeshape.proto.Geojson;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The world's time-zone polygons (timezone-boundary-builder with oceans, the data file inside timeshape's jar), read
 * here rather than through timeshape's {@link TimeZoneEngine}: its query tests each candidate zone's whole polygon
 * point by point (Esri {@code GeometryEngine.contains}), which costs 0.4 to 4 ms near the detailed borders of Central
 * Europe. Here each part of a zone's polygon is indexed on its own (a JTS {@link STRtree} of the parts' bounding
 * boxes) and tested with an {@link IndexedPointInAreaLocator} (an interval tree over its edges, built on first use):
 * 1 to 15 microseconds a query, the same answers.
 *
 * <p>A point on a border, or in the few places where zones overlap, takes the zone that comes first in the data file.
 * A zone id the JDK does not know (newer data than the JDK's tzdb) is left out with a warning: its fixes fall back to
 * the task's {@code timeZone}.
 */
final class ZonePolygons {

    private static final Logger LOG = Logger.getLogger(ZonePolygons.class.getName());
    private static final GeometryFactory GEOMETRY =
            new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    /** One polygon of a zone; the zone's index is its place in the data file. */
    private record Part(int zone, IndexedPointInAreaLocator locator) {
    }

    private final List<ZoneId> zones;
    private final STRtree parts;

    private ZonePolygons(List<ZoneId> zones, STRtree parts) {
        this.zones = zones;
        this.parts = parts;
    }

    /** Reads the polygons from timeshape's jar (about 2.5 s and 150 MB of heap). */
    static ZonePolygons load() {
        InputStream data = TimeZoneEngine.class.getResourceAsStream("/data.tar.zstd");
        if (data == null) {
            throw new IllegalStateException("timeshape's data.tar.zstd is missing from the class path");
        }
        List<ZoneId> zones = new ArrayList<>();
        STRtree parts = new STRtree();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new BufferedInputStream(new ZstdInputStream(data), 1 << 16))) {
            while (tar.getNextEntry() != null) {
                Geojson.Feature feature = Geojson.Feature.parseFrom(tar);
                String id = feature.getProperties(0).getValueString();
                ZoneId zone;
                try {
                    zone = ZoneId.of(id);
                } catch (DateTimeException e) {
                    LOG.warning("time zone polygon " + id + " left out: the JDK does not know this zone");
                    continue;
                }
                int index = zones.size();
                zones.add(zone);
                for (Geojson.Polygon polygon : polygons(feature.getGeometry())) {
                    Polygon part = polygon(polygon);
                    parts.insert(part.getEnvelopeInternal(), new Part(index, new IndexedPointInAreaLocator(part)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading timeshape's time zone polygons", e);
        }
        parts.build();
        return new ZonePolygons(List.copyOf(zones), parts);
    }

    /** The zone at a position (longitude and latitude in degrees); empty where no polygon covers it. */
    Optional<ZoneId> at(double lat, double lon) {
        Coordinate point = new Coordinate(lon, lat);
        int first = Integer.MAX_VALUE;
        for (Object candidate : parts.query(new Envelope(point))) {
            Part part = (Part) candidate;
            if (part.zone() < first && part.locator().locate(point) != Location.EXTERIOR) {
                first = part.zone();
            }
        }
        return first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(zones.get(first));
    }

    private static List<Geojson.Polygon> polygons(Geojson.Geometry geometry) {
        if (geometry.hasPolygon()) {
            return List.of(geometry.getPolygon());
        }
        return geometry.hasMultiPolygon() ? geometry.getMultiPolygon().getCoordinatesList() : List.of();
    }

    private static Polygon polygon(Geojson.Polygon polygon) {
        LinearRing[] holes = new LinearRing[polygon.getCoordinatesCount() - 1];
        for (int hole = 0; hole < holes.length; hole++) {
            holes[hole] = ring(polygon.getCoordinates(hole + 1));
        }
        return GEOMETRY.createPolygon(ring(polygon.getCoordinates(0)), holes);
    }

    private static LinearRing ring(Geojson.LineString line) {
        double[] ordinates = new double[2 * line.getCoordinatesCount()];
        for (int i = 0; i < line.getCoordinatesCount(); i++) {
            Geojson.Position position = line.getCoordinates(i);
            ordinates[2 * i] = position.getLon();
            ordinates[2 * i + 1] = position.getLat();
        }
        return GEOMETRY.createLinearRing(PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(ordinates, 2));
    }
}
