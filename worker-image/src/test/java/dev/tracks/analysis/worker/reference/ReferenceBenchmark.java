package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminGeoJson;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.reference.osm.OsmOptions;
import dev.tracks.analysis.reference.osm.OsmPbfLoad;
import dev.tracks.analysis.reference.osm.OsmPbfReader;
import dev.tracks.analysis.reference.osm.OsmStation;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.places.PlaceCsv;
import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceFormat;
import dev.tracks.analysis.reference.places.PlaceLoad;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.benchmark.MachineLoad;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.reference.places.Places;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the real worldwide files (Natural Earth admin-1, GeoNames cities; see README "Reference data", not committed)
 * into an embedded PostgreSQL and measures: each load against a plain COPY out and back in of the rows it wrote (the
 * floor of writing them), the heap the readers retain, and the cost of a lookup at points near real places. Skips a
 * file that is not there. Run: {@code -Dbenchmark.reference.admin=.../admin1.json
 * -Dbenchmark.reference.places=.../rg_cities1000.csv -Dbenchmark.reference.osm=.../Helsinki.osm.pbf
 * -Dbenchmark.lookups=1000000}.
 */
public final class ReferenceBenchmark {

    /** The readers, held to the end so that the heap figures of the second do not lose the first to the GC. */
    private static Places places;
    private static AdminAreas areas;
    private static OsmNetwork network;

    private ReferenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path adminFile = Path.of(System.getProperty("benchmark.reference.admin", "absent"));
        Path placesFile = Path.of(System.getProperty("benchmark.reference.places", "absent"));
        Path osmFile = Path.of(System.getProperty("benchmark.reference.osm", "absent"));
        int lookups = Integer.getInteger("benchmark.lookups", 1_000_000);
        System.out.println("load average at start: " + MachineLoad.loadAverage());
        DataSource dataSource = TestDatabase.migratedDatabase("reference_benchmark");
        double[][] points = null;
        try (Connection db = dataSource.getConnection()) {
            if (Files.isRegularFile(placesFile)) {
                long start = System.nanoTime();
                PlaceFields fields = PlaceFields.defaults(PlaceFormat.of(placesFile));
                parseOnly("places", placesFile, () -> {
                    try (BufferedReader in = Files.newBufferedReader(placesFile)) {
                        return new PlaceCsv(fields).read(in, (index, place) -> { });
                    }
                });
                long id = PlaceLoad.load(db, placesFile, fields, "").load().id();
                report(db, "places", id, "places", start);
                long heap = usedHeap();
                start = System.nanoTime();
                places = Places.read(db, id);
                System.out.printf("places: read %,d in %.2f s, retained heap %,d MB%n", places.size(),
                        seconds(start), (usedHeap() - heap) >> 20);
                points = nearPlaces(db, id, lookups);
                start = System.nanoTime();
                int found = 0;
                for (double[] point : points) {
                    found += places.nearest(point[0], point[1]).isPresent() ? 1 : 0;
                }
                System.out.printf("places: nearest of %,d points in %.2f s: %.2f µs a point (%d found)%n",
                        points.length, seconds(start), seconds(start) * 1e6 / points.length, found);
            }
            if (Files.isRegularFile(adminFile)) {
                parseOnly("admin", adminFile, () -> {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(adminFile), 1 << 16)) {
                        return new AdminGeoJson(AdminOptions.NATURAL_EARTH_ADMIN1).read(in, feature -> { });
                    }
                });
                long heap = usedHeap();
                long start = System.nanoTime();
                long id = AdminAreaLoad.load(db, adminFile, AdminOptions.NATURAL_EARTH_ADMIN1, "").load().id();
                report(db, "admin", id, "admin_areas", start);
                System.out.printf("admin: heap after the load %+,d MB (garbage collected)%n",
                        (usedHeap() - heap) >> 20);
                heap = usedHeap();
                start = System.nanoTime();
                areas = AdminAreas.read(db, id);
                System.out.printf("admin: read %,d areas in %.2f s, retained heap %,d MB%n", areas.size(),
                        seconds(start), (usedHeap() - heap) >> 20);
                if (points == null) {
                    points = random(lookups);
                }
                for (String pass : new String[] {"first (builds each area's index)", "second (warm)"}) {
                    start = System.nanoTime();
                    long inside = 0;
                    for (double[] point : points) {
                        inside += areas.containing(point[0], point[1]).size();
                    }
                    System.out.printf("admin: %s pass over %,d points in %.2f s: %.2f µs a point (%,d in an area)%n",
                            pass, points.length, seconds(start), seconds(start) * 1e6 / points.length, inside);
                }
                System.out.printf("admin: retained heap with every area's index built %,d MB%n",
                        (usedHeap() - heap) >> 20);
            }
            if (Files.isRegularFile(osmFile)) {
                osm(db, osmFile);
            }
        }
        System.out.printf("load average at end: %s (readers: %s, %s, %s)%n", MachineLoad.loadAverage(),
                places == null ? "-" : places.size() + " places", areas == null ? "-" : areas.size() + " areas",
                network == null ? "-" : network.ways().size() + " ways");
        System.exit(0);
    }

    /** An .osm.pbf extract: parse alone (both passes), the load against COPY of its ways, the reader's heap. */
    private static void osm(Connection db, Path file) throws Exception {
        parseOnly("osm", file, () -> {
            OsmPbfReader.Counts counts = OsmPbfReader.read(file, OsmOptions.DEFAULT, new OsmPbfReader.Sink() {
                @Override
                public void way(OsmWay way) {
                }

                @Override
                public void station(OsmStation station) {
                }
            });
            System.out.printf("osm: %,d ways kept (%,d clipped at the border), %,d dropped, %,d stations%n",
                    counts.ways(), counts.clipped(), counts.dropped(), counts.stations());
            return counts.ways() + counts.stations();
        });
        long heap = usedHeap();
        long start = System.nanoTime();
        long id = OsmPbfLoad.load(db, file, OsmOptions.DEFAULT, "").load().id();
        report(db, "osm", id, "osm_ways", start);
        System.out.printf("osm: heap after the load %+,d MB (garbage collected)%n", (usedHeap() - heap) >> 20);
        heap = usedHeap();
        start = System.nanoTime();
        network = OsmNetwork.read(db, id);
        System.out.printf("osm: read %,d ways and %,d stations in %.2f s, retained heap %,d MB%n",
                network.ways().size(), network.stations().size(), seconds(start), (usedHeap() - heap) >> 20);
    }

    /** A parse of the whole file into a sink that drops what it gets. */
    @FunctionalInterface
    private interface Parse {
        int run() throws Exception;
    }

    /** The parser alone (no database) and the checksum: where a load's time goes besides writing. */
    private static void parseOnly(String kind, Path file, Parse parse) throws Exception {
        long start = System.nanoTime();
        int rows = parse.run();
        double parsing = seconds(start);
        start = System.nanoTime();
        ReferenceLoads.sha256(file);
        System.out.printf("%s: parsing alone %,d rows %.2f s, SHA-256 of the file %.2f s%n", kind, rows, parsing,
                seconds(start));
    }

    /** The load's time against COPY of its rows out to memory and back into a table of the same shape. */
    private static void report(Connection db, String kind, long id, String table, long start) throws Exception {
        double load = seconds(start);
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        try (Statement sql = db.createStatement()) {
            sql.execute("CREATE TEMPORARY TABLE copied (LIKE " + table + ")");
            long copyStart = System.nanoTime();
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            copy.copyOut("COPY (SELECT * FROM " + table + " WHERE load_id = " + id + ") TO STDOUT", rows);
            copy.copyIn("COPY copied FROM STDIN", new ByteArrayInputStream(rows.toByteArray()));
            double baseline = seconds(copyStart);
            sql.execute("DROP TABLE copied");
            System.out.printf("%s: loaded %,d rows in %.2f s; COPY out and in of the same rows %.2f s: %.2fx (%,d MB)%n",
                    kind, count(db, table, id), load, baseline, baseline / load, rows.size() >> 20);
        }
    }

    private static long count(Connection db, String table, long id) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM " + table
                + " WHERE load_id = " + id)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Points within about 5 km of real places, where fixes are. */
    private static double[][] nearPlaces(Connection db, long id, int n) throws Exception {
        double[][] places;
        try (ResultSet rows = db.createStatement().executeQuery("SELECT lat, lon FROM places WHERE load_id = " + id
                + " ORDER BY row_index")) {
            List<double[]> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new double[] {rows.getDouble(1), rows.getDouble(2)});
            }
            places = all.toArray(new double[0][]);
        }
        Random random = new Random(18);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] place = places[random.nextInt(places.length)];
            points[i] = new double[] {Math.max(-90, Math.min(90, place[0] + random.nextGaussian() * 0.05)),
                    Math.max(-180, Math.min(180, place[1] + random.nextGaussian() * 0.05))};
        }
        return points;
    }

    private static double[][] random(int n) {
        Random random = new Random(18);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[] {180 * random.nextDouble() - 90, 360 * random.nextDouble() - 180};
        }
        return points;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
