package dev.tracks.analysis.worker.zone;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The time zone at a position, from the world's zone polygons ({@link ZonePolygons}: timezone-boundary-builder 2026b
 * with oceans, the data file of timeshape; data ODbL). The polygons take about 2.5 s and 150 MB of heap to load, so
 * they are loaded once per JVM and only when a skill first asks for a position whose user has no zone of its own.
 *
 * <p>A polygon query costs 1 to 15 microseconds (detailed borders cost more), more than a skill that looks a zone up
 * for every fix may spend on it. So answers are cached per cell of 0.01 degrees (about 1 km): the zone found for the
 * first fix of a cell serves the cell, so a fix less than a kilometre from a zone border may take its neighbour's
 * zone.
 */
public final class WorldTimeZones {

    private static final Logger LOG = Logger.getLogger(WorldTimeZones.class.getName());
    private static final double CELLS_PER_DEGREE = 100;
    /** Bounds the cache (about 100 bytes an entry): beyond it the cache starts over rather than grow. */
    private static final int MAX_CACHED_CELLS = 1 << 20;

    private static final Map<Long, Optional<ZoneId>> CELLS = new ConcurrentHashMap<>();

    private WorldTimeZones() {
    }

    /** The zone at a position; empty where no polygon covers it (none should: the oceans have their Etc zones). */
    public static Optional<ZoneId> at(double lat, double lon) {
        if (!covers(lat, lon)) {
            return Optional.empty();
        }
        long cell = cell(lat, lon);
        Optional<ZoneId> zone = CELLS.get(cell);
        if (zone == null) {
            zone = Polygons.WORLD.at(lat, lon);
            if (CELLS.size() >= MAX_CACHED_CELLS) {
                CELLS.clear();
            }
            CELLS.put(cell, zone);
        }
        return zone;
    }

    /** Whether a position is within the coordinate ranges the polygons cover. */
    static boolean covers(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    }

    /** The cache cell of a position within the coordinate ranges. */
    static long cell(double lat, double lon) {
        long row = Math.round((lat + 90) * CELLS_PER_DEGREE);
        long column = Math.round((lon + 180) * CELLS_PER_DEGREE);
        return row * 100_000 + column;
    }

    /** Loaded on first use (the holder idiom: once, thread-safe, never if unused). */
    private static final class Polygons {
        static final ZonePolygons WORLD = load();

        private static ZonePolygons load() {
            long started = System.nanoTime();
            ZonePolygons polygons = ZonePolygons.load();
            LOG.info(String.format("time zone polygons loaded in %.1f s", (System.nanoTime() - started) / 1e9));
            return polygons;
        }
    }
}
