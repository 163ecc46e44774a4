package dev.tracks.analysis.worker.reference.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.osm.OsmRows;
import dev.tracks.analysis.reference.osm.OsmStation;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.reference.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ways and stations written by OsmRows come back whole from osm_ways and osm_stations. */
class OsmNetworkTest {

    @TempDir
    Path directory;

    @Test
    void waysAndStationsRoundTripThroughTheActiveOsmLoad() throws Exception {
        DataSource dataSource = TestDatabase.migratedDatabase("osm_network");
        OsmWay street = new OsmWay(10, Network.ROAD, "residential", "Main Street", 0, 30, "",
                new long[] {1, 2, 3}, new double[] {60.1, 60.1005, 60.101}, new double[] {24.9, 24.9, 24.9});
        OsmWay oneway = new OsmWay(11, Network.ROAD, "primary", "", -1, Double.NaN, "private",
                new long[] {3, 4}, new double[] {60.101, 60.102}, new double[] {24.9, 24.901});
        OsmWay tram = new OsmWay(10, Network.RAIL, "tram", "Line 3", 0, Double.NaN, "",
                new long[] {1, 2}, new double[] {60.1, 60.1005}, new double[] {24.9, 24.9});
        OsmStation stop = new OsmStation(2, "tram_stop", "Kamppi", 60.1005, 24.9);
        Path file = Files.writeString(directory.resolve("tiny.osm.pbf"), "stands in for the extract");
        try (Connection db = dataSource.getConnection()) {
            assertThatThrownBy(() -> ReferenceData.requireOsm(db)).isInstanceOf(WorkerFailure.class)
                    .hasMessageContaining("no OSM network loaded: run `tracks-worker reference load osm");
            long loadId = ReferenceLoads.load(db, ReferenceKind.OSM, file, Map.of(), "© OpenStreetMap, ODbL",
                    (connection, id) -> {
                        try (OsmRows rows = new OsmRows(connection, id)) {
                            rows.way(street);
                            rows.station(stop);
                            rows.way(oneway);
                            rows.way(tram);
                            return rows.rows();
                        }
                    }).load().id();
            OsmNetwork network = ReferenceData.requireOsm(db);
            assertThat(network.loadId()).isEqualTo(loadId);
            assertThat(network.ways(Network.ROAD)).extracting(OsmWay::wayId, OsmWay::wayClass, OsmWay::name,
                    OsmWay::oneway, OsmWay::access).containsExactly(
                    tuple(10L, "residential", "Main Street", 0, ""),
                    tuple(11L, "primary", "", -1, "private"));
            OsmWay read = network.ways(Network.ROAD).get(0);
            assertThat(read.nodeIds()).containsExactly(1, 2, 3);
            assertThat(read.lats()).containsExactly(60.1, 60.1005, 60.101);
            assertThat(read.maxSpeedKmh()).isEqualTo(30);
            assertThat(network.ways(Network.ROAD).get(1).maxSpeedKmh()).isNaN();
            assertThat(network.ways(Network.RAIL)).singleElement().satisfies(way ->
                    assertThat(way.wayClass()).isEqualTo("tram"));
            assertThat(network.stations()).containsExactly(stop);
            assertThat(network.ways()).hasSize(3);
        }
    }
}
