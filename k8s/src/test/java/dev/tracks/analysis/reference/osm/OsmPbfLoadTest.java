package dev.tracks.analysis.reference.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.schema.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OSM loads on a real PostgreSQL: what the synthetic extract leaves in osm_ways and osm_stations, idempotence. */
class OsmPbfLoadTest {

    @TempDir
    Path directory;

    private DataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = TestDatabase.migratedDatabase("osm_pbf_load");
    }

    @Test
    void theSyntheticExtractLoadsOnceAndAgainUnchanged() throws Exception {
        Path file = SyntheticOsmNetwork.extract().write(directory.resolve("synthetic.osm.pbf"));
        try (Connection db = dataSource.getConnection()) {
            LoadOutcome first = OsmPbfLoad.load(db, file, OsmOptions.DEFAULT, "");
            assertThat(first.status()).isEqualTo(LoadOutcome.Status.LOADED);
            assertThat(first.load().kind()).isEqualTo(ReferenceKind.OSM);
            assertThat(first.load().rowCount()).isEqualTo(SyntheticOsmNetwork.ROAD_WAYS.length
                    + SyntheticOsmNetwork.RAIL_WAYS.length + SyntheticOsmNetwork.STATIONS.length);
            assertThat(first.load().attribution()).isEqualTo("© OpenStreetMap contributors, ODbL");
            assertThat(first.load().options()).contains("\"railClasses\": [\"funicular\", \"light_rail\"");
            long loadId = first.load().id();
            assertThat(ids(db, "SELECT way_id FROM osm_ways WHERE load_id = " + loadId + " AND network = 'road'"
                    + " ORDER BY way_id")).containsExactly(boxed(SyntheticOsmNetwork.ROAD_WAYS));
            assertThat(ids(db, "SELECT way_id FROM osm_ways WHERE load_id = " + loadId + " AND network = 'rail'"
                    + " ORDER BY way_id")).containsExactly(boxed(SyntheticOsmNetwork.RAIL_WAYS));
            assertThat(ids(db, "SELECT node_id FROM osm_stations WHERE load_id = " + loadId + " ORDER BY node_id"))
                    .containsExactly(boxed(SyntheticOsmNetwork.STATIONS));
            assertThat(ids(db, "SELECT unnest(node_ids) FROM osm_ways WHERE way_id = 160"))
                    .containsExactly(boxed(SyntheticOsmNetwork.CLIPPED_NODES));
            try (Statement query = db.createStatement();
                 ResultSet row = query.executeQuery("SELECT class, name, oneway, max_speed_kmh, access, min_lat,"
                         + " min_lon, max_lat, max_lon FROM osm_ways WHERE network = 'road' AND way_id = 104")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("tertiary");
                assertThat(row.getString(2)).isEqualTo("West Avenue");
                assertThat(row.getInt(3)).isZero();
                assertThat(row.getObject(4)).isNull();
                assertThat(row.getString(5)).isEmpty();
                assertThat(new double[] {row.getDouble(6), row.getDouble(7), row.getDouble(8), row.getDouble(9)})
                        .containsExactly(60.0, 25.0, 60.002, 25.0);
            }

            LoadOutcome again = OsmPbfLoad.load(db, file, OsmOptions.DEFAULT, "");
            assertThat(again.status()).isEqualTo(LoadOutcome.Status.UNCHANGED);
            assertThat(again.load().id()).isEqualTo(loadId);
            assertThat(ids(db, "SELECT count(*) FROM osm_ways")).containsExactly(14L);
            assertThat(ReferenceLoads.list(db)).hasSize(1);

            // Other classes are another load of the same file.
            LoadOutcome footways = OsmPbfLoad.load(db, file, new OsmOptions(Set.of("footway"), Set.of("rail")),
                    "OSM extract of a test");
            assertThat(footways.status()).isEqualTo(LoadOutcome.Status.LOADED);
            assertThat(footways.load().attribution()).isEqualTo("OSM extract of a test");
            assertThat(ids(db, "SELECT way_id FROM osm_ways WHERE load_id = " + footways.load().id()
                    + " ORDER BY network, way_id")).containsExactly(140L, 130L);
            assertThat(ReferenceLoads.activeLoadId(db, ReferenceKind.OSM)).hasValue(footways.load().id());
        }
    }

    @Test
    void aBadFileWritesNothing() throws Exception {
        byte[] whole = SyntheticOsmNetwork.extract().elementsPerBlock(10).bytes();
        Path cut = Files.write(directory.resolve("cut.osm.pbf"), Arrays.copyOf(whole, whole.length - 3));
        Path noRoads = new SyntheticOsmPbf().node(1, 60, 25).node(2, 60.001, 25)
                .way(3, new long[] {1, 2}, "building=yes").write(directory.resolve("buildings.osm.pbf"));
        try (Connection db = dataSource.getConnection()) {
            assertThatThrownBy(() -> OsmPbfLoad.load(db, cut, OsmOptions.DEFAULT, ""))
                    .isInstanceOf(BadReferenceFile.class).hasMessageContaining("truncated");
            assertThatThrownBy(() -> OsmPbfLoad.load(db, noRoads, OsmOptions.DEFAULT, ""))
                    .isInstanceOf(BadReferenceFile.class).hasMessageStartingWith("file: no road or rail way and no"
                            + " station in the extract (of the classes kept: highway=bridleway|bus_guideway|");
            assertThat(ids(db, "SELECT count(*) FROM reference_loads")).containsExactly(0L);
            assertThat(ids(db, "SELECT count(*) FROM osm_ways")).containsExactly(0L);
            assertThat(ids(db, "SELECT count(*) FROM osm_stations")).containsExactly(0L);
            assertThat(db.getAutoCommit()).isTrue();
        }
    }

    private static List<Long> ids(Connection db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static Long[] boxed(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
