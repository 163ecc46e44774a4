package dev.tracks.analysis.worker.zone;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import net.iakovlev.timeshape.TimeZoneEngine;

/**
 * The time zone at a position, from the world's zone polygons (timezone-boundary-builder 2026b with oceans, through
 * timeshape; data ODbL). The polygons take about 6 s and 220 MB of heap to load, so they are loaded once per JVM and
 * only when a skill first asks for a position whose user has no zone of its own.
 *
 * <p>A polygon lookup costs from several to tens of microseconds (detailed borders cost more), more than a whole skill
 * may spend on a fix. So answers are cached per cell of 0.01 degrees (about 1 km): the zone found for the first fix of
 * a cell serves the cell, so a fix less than a kilometre from a zone border may take its neighbour's zone. And a user
 * who travels crosses a new cell every minute or so: once three cells of a block of 0.1 degrees (about 11 km) were
 * looked up, the block's nine sample points (corners, edge midpoints, centre) are; if they lie in one zone, the block
 * counts as wholly in it and its other cells need no lookup. (Sampling at once would cost a caller that looks up
 * rarely, such as a day walk, nine queries instead of one.) A border that enters and leaves such a block between its
 * sample points (a bend of a few kilometres) is missed; the cells of every other block are looked up one by one.
 */
public final class WorldTimeZones {

    private static final Logger LOG = Logger.getLogger(WorldTimeZones.class.getName());
    private static final double CELLS_PER_DEGREE = 100;
    private static final double BLOCKS_PER_DEGREE = 10;
    /** Bounds the cache (about 100 bytes an entry): beyond it the cache starts over rather than grow. */
    private static final int MAX_CACHED_CELLS = 1 << 20;

    private static final Map<Long, Optional<ZoneId>> CELLS = new ConcurrentHashMap<>();
    private static final Map<Long, Block> BLOCKS = new ConcurrentHashMap<>();

    private static final int LOOKUPS_BEFORE_SAMPLING = 3;

    /**
     * What is known of a block of 0.1 degrees: how many of its cells were looked up, and once it was sampled, whether
     * its sample points all lie in {@code zone}.
     */
    private record Block(int lookups, boolean sampled, boolean uniform, Optional<ZoneId> zone) {
        static final Block UNSEEN = new Block(0, false, false, Optional.empty());
        static final Block MIXED = new Block(0, true, false, Optional.empty());

        Block lookedUp() {
            return new Block(lookups + 1, false, false, Optional.empty());
        }
    }

    private WorldTimeZones() {
    }

    /** The zone at a position; empty where no polygon covers it (none should: the oceans have their Etc zones). */
    public static Optional<ZoneId> at(double lat, double lon) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return Optional.empty();
        }
        long cell = cell(lat, lon);
        Optional<ZoneId> zone = CELLS.get(cell);
        if (zone == null) {
            long key = block(lat, lon);
            Block block = BLOCKS.getOrDefault(key, Block.UNSEEN);
            if (block.uniform()) {
                zone = block.zone();
            } else {
                zone = Engine.INSTANCE.query(lat, lon);
                if (!block.sampled()) {
                    BLOCKS.put(key, block.lookups() + 1 >= LOOKUPS_BEFORE_SAMPLING ? sample(lat, lon)
                            : block.lookedUp());
                }
            }
            if (CELLS.size() >= MAX_CACHED_CELLS) {
                CELLS.clear();
                BLOCKS.clear();
            }
            CELLS.put(cell, zone);
        }
        return zone;
    }

    /** The block around a position: uniform if its nine sample points lie in one zone. */
    private static Block sample(double lat, double lon) {
        double south = Math.floor((lat + 90) * BLOCKS_PER_DEGREE) / BLOCKS_PER_DEGREE - 90;
        double west = Math.floor((lon + 180) * BLOCKS_PER_DEGREE) / BLOCKS_PER_DEGREE - 180;
        double step = 0.5 / BLOCKS_PER_DEGREE;
        Optional<ZoneId> centre = Engine.INSTANCE.query(south + step, west + step);
        for (int row = 0; row <= 2; row++) {
            for (int column = 0; column <= 2; column++) {
                if ((row != 1 || column != 1) && !centre.equals(Engine.INSTANCE.query(
                        Math.min(90, south + row * step), Math.min(180, west + column * step)))) {
                    return Block.MIXED;
                }
            }
        }
        return new Block(LOOKUPS_BEFORE_SAMPLING, true, true, centre);
    }

    static long cell(double lat, double lon) {
        long row = Math.round((lat + 90) * CELLS_PER_DEGREE);
        long column = Math.round((lon + 180) * CELLS_PER_DEGREE);
        return row * 100_000 + column;
    }

    /** The block a position lies in (south-west corner inclusive), as {@link #sample} bounds it. */
    static long block(double lat, double lon) {
        long row = (long) Math.floor((lat + 90) * BLOCKS_PER_DEGREE);
        long column = (long) Math.floor((lon + 180) * BLOCKS_PER_DEGREE);
        return row * 10_000 + column;
    }

    /** Loaded on first use (the holder idiom: once, thread-safe, never if unused). */
    private static final class Engine {
        static final TimeZoneEngine INSTANCE = load();

        private static TimeZoneEngine load() {
            long started = System.nanoTime();
            TimeZoneEngine engine = TimeZoneEngine.initialize(-90, -180, 90, 180, true);
            LOG.info(String.format("time zone polygons loaded in %.1f s", (System.nanoTime() - started) / 1e9));
            return engine;
        }
    }
}
