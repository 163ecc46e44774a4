package dev.tracks.analysis.reference.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import crosby.binary.Fileformat.Blob;
import crosby.binary.Osmformat.PrimitiveBlock;
import crosby.binary.Osmformat.PrimitiveGroup;
import crosby.binary.Osmformat.StringTable;
import crosby.binary.Osmformat.Way;
import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader keeps of the synthetic extract (whose answer is known) and how it refuses broken files. */
class OsmPbfReaderTest {

    @TempDir
    Path directory;

    private final List<OsmWay> ways = new ArrayList<>();
    private final List<OsmStation> stations = new ArrayList<>();

    private OsmPbfReader.Counts read(Path file) throws Exception {
        return OsmPbfReader.read(file, OsmOptions.DEFAULT, new OsmPbfReader.Sink() {
            @Override
            public void way(OsmWay way) {
                ways.add(way);
            }

            @Override
            public void station(OsmStation station) {
                stations.add(station);
            }
        });
    }

    private OsmWay way(Network network, long id) {
        return ways.stream().filter(way -> way.network() == network && way.wayId() == id).findFirst().orElseThrow();
    }

    @Test
    void keepsTheRoadsRailsAndStationsOfTheSyntheticExtract() throws Exception {
        // Small blocks, so that nodes, ways and their tags' string tables span several blocks.
        OsmPbfReader.Counts counts = read(SyntheticOsmNetwork.extract().elementsPerBlock(7)
                .write(directory.resolve("synthetic.osm.pbf")));

        assertThat(counts).isEqualTo(new OsmPbfReader.Counts(13, 1, 1, 4));
        assertThat(ways.stream().filter(way -> way.network() == Network.ROAD).mapToLong(OsmWay::wayId).toArray())
                .containsExactly(SyntheticOsmNetwork.ROAD_WAYS);
        assertThat(ways.stream().filter(way -> way.network() == Network.RAIL).mapToLong(OsmWay::wayId).toArray())
                .containsExactly(SyntheticOsmNetwork.RAIL_WAYS);
        assertThat(ways).extracting(OsmWay::wayId, OsmWay::network, OsmWay::wayClass, OsmWay::name, OsmWay::oneway,
                OsmWay::access).contains(
                tuple(101L, Network.ROAD, "residential", "First Street", 0, ""),
                tuple(102L, Network.ROAD, "residential", "Second Street", 1, ""),
                tuple(105L, Network.ROAD, "living_street", "", -1, ""),
                tuple(106L, Network.ROAD, "unclassified", "", 0, "private"),
                tuple(110L, Network.ROAD, "primary", "", 1, ""),
                tuple(120L, Network.ROAD, "motorway", "Ring I", 1, ""),
                tuple(121L, Network.ROAD, "motorway_link", "", 1, ""),
                tuple(130L, Network.ROAD, "footway", "", 0, ""),
                tuple(140L, Network.RAIL, "rail", "Coastal Line", 0, ""),
                tuple(150L, Network.ROAD, "secondary", "Tram Street", 1, ""),
                tuple(150L, Network.RAIL, "tram", "Tram Street", 0, ""));
        assertThat(way(Network.ROAD, 101).maxSpeedKmh()).isEqualTo(30);
        assertThat(way(Network.ROAD, 103).maxSpeedKmh()).isCloseTo(32.18688, offset(1e-9));
        assertThat(way(Network.ROAD, 104).maxSpeedKmh()).isNaN();
        assertThat(way(Network.RAIL, 140).maxSpeedKmh()).isEqualTo(160);

        OsmWay first = way(Network.ROAD, 101);
        assertThat(first.nodeIds()).containsExactly(1, 2, 3);
        assertThat(first.lats()).containsExactly(60.0, 60.0, 60.0);
        assertThat(first.lons()).containsExactly(SyntheticOsmNetwork.gridLon(0), SyntheticOsmNetwork.gridLon(1),
                SyntheticOsmNetwork.gridLon(2));
        OsmWay west = way(Network.ROAD, 104);
        assertThat(west.lats()).containsExactly(SyntheticOsmNetwork.gridLat(0), SyntheticOsmNetwork.gridLat(1),
                SyntheticOsmNetwork.gridLat(2));
        assertThat(way(Network.ROAD, 110).nodeIds()).containsExactly(20, 21, 22, 23, 20);
        assertThat(way(Network.RAIL, 150).nodeIds()).containsExactly(3, 56, 60);
        assertThat(way(Network.RAIL, 150).lats()).containsExactly(60.0, 60.0015, 60.003);

        OsmWay clipped = way(Network.ROAD, 160);
        assertThat(clipped.nodeIds()).containsExactly(SyntheticOsmNetwork.CLIPPED_NODES);
        assertThat(clipped.lons()).containsExactly(25.003, 25.004, 25.005);
        assertThat(ways).noneMatch(way -> way.wayId() == 161 || way.wayId() >= 170);

        assertThat(stations).extracting(OsmStation::nodeId, OsmStation::kind, OsmStation::name)
                .containsExactly(tuple(50L, "station", "Central"), tuple(53L, "halt", "Harbour"),
                        tuple(54L, "station", "Airport"), tuple(56L, "tram_stop", "Square"));
        assertThat(stations.get(2).lat()).isEqualTo(60.03);
        assertThat(stations.get(2).lon()).isEqualTo(25.04);
    }

    @Test
    void rawBlobsReadAsZlibOnesDo() throws Exception {
        read(SyntheticOsmNetwork.extract().raw().write(directory.resolve("raw.osm.pbf")));
        List<OsmWay> fromRaw = List.copyOf(ways);
        ways.clear();
        read(SyntheticOsmNetwork.extract().write(directory.resolve("zlib.osm.pbf")));
        assertThat(fromRaw).hasSameSizeAs(ways);
        for (int i = 0; i < ways.size(); i++) {
            assertThat(fromRaw.get(i).nodeIds()).isEqualTo(ways.get(i).nodeIds());
            assertThat(fromRaw.get(i).lats()).isEqualTo(ways.get(i).lats());
        }
    }

    @Test
    void aFileThatIsNoPbfIsRefusedAtItsFirstBlock() throws Exception {
        Path text = Files.writeString(directory.resolve("roads.osm.pbf"), "<?xml version='1.0'?><osm></osm>");
        assertThatThrownBy(() -> read(text)).isInstanceOf(BadReferenceFile.class)
                .hasMessage("block 0 (byte 0): BlobHeader length 1010792557 is not between 1 and 65536: not an"
                        + " .osm.pbf file, or a corrupt one");
        Path empty = Files.write(directory.resolve("empty.osm.pbf"), new byte[0]);
        assertThatThrownBy(() -> read(empty)).hasMessage("file: empty: not an .osm.pbf file");
        Path dataFirst = Files.write(directory.resolve("headless.osm.pbf"), SyntheticOsmPbf.block("OSMData",
                PrimitiveBlock.newBuilder().setStringtable(StringTable.getDefaultInstance()).build().toByteString(),
                true));
        assertThatThrownBy(() -> read(dataFirst)).hasMessage("block 0 (OSMData, byte 0): the first block must be"
                + " OSMHeader, got 'OSMData': not an .osm.pbf file");
    }

    @Test
    void aTruncatedFileNamesTheBlockItEndsIn() throws Exception {
        byte[] whole = SyntheticOsmNetwork.extract().bytes();
        int header = SyntheticOsmPbf.headerBlock("OsmSchema-V0.6", "DenseNodes").length;
        Path cut = Files.write(directory.resolve("cut.osm.pbf"), Arrays.copyOf(whole, whole.length - 10));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(BadReferenceFile.class)
                .hasMessageMatching("block 2 \\(byte \\d+\\): the file ends inside the block \\(it needs \\d+ more"
                        + " bytes\\): truncated");
        Path cutInLength = Files.write(directory.resolve("cut2.osm.pbf"), Arrays.copyOf(whole, header + 2));
        assertThatThrownBy(() -> read(cutInLength)).hasMessage("block 1 (byte " + header + "): the file ends inside"
                + " the block (it needs 3 more bytes): truncated");
    }

    @Test
    void corruptOrUnsupportedBlocksAreNamed() throws Exception {
        byte[] header = SyntheticOsmPbf.headerBlock("OsmSchema-V0.6", "DenseNodes");
        Path lzma = file("lzma.osm.pbf", header, SyntheticOsmPbf.frame("OSMData", Blob.newBuilder().setRawSize(10)
                .setLzmaData(ByteString.copyFromUtf8("not really")).build()));
        assertThatThrownBy(() -> read(lzma)).hasMessage("block 1 (OSMData, byte " + header.length + "): compressed"
                + " as lzma_data, which this reader does not support (raw and zlib_data are: re-encode the file,"
                + " e.g. with osmium cat -f pbf,pbf_compression=zlib)");
        Path badZlib = file("zlib.osm.pbf", header, SyntheticOsmPbf.frame("OSMData", Blob.newBuilder().setRawSize(10)
                .setZlibData(ByteString.copyFromUtf8("not zlib at all")).build()));
        assertThatThrownBy(() -> read(badZlib)).hasMessageStartingWith("block 1 (OSMData, byte " + header.length
                + "): the zlib data is corrupt: ");
        Path history = file("history.osm.pbf", SyntheticOsmPbf.headerBlock("OsmSchema-V0.6",
                "HistoricalInformation"));
        assertThatThrownBy(() -> read(history)).hasMessage("block 0 (OSMHeader, byte 0): requires the feature"
                + " 'HistoricalInformation', which this reader does not support (it reads DenseNodes and"
                + " OsmSchema-V0.6)");
        PrimitiveBlock badStrings = PrimitiveBlock.newBuilder()
                .setStringtable(StringTable.newBuilder().addS(ByteString.EMPTY)
                        .addS(ByteString.copyFromUtf8("highway")))
                .addPrimitivegroup(PrimitiveGroup.newBuilder().addWays(Way.newBuilder().setId(7).addKeys(1)
                        .addVals(5).addRefs(1).addRefs(1)))
                .build();
        Path corrupt = file("strings.osm.pbf", header, SyntheticOsmPbf.block("OSMData", badStrings.toByteString(),
                true));
        assertThatThrownBy(() -> read(corrupt)).hasMessage("way 7 in block 1 (OSMData, byte " + header.length
                + "): tag string ids 1=5 are outside the block's string table of 2 strings: corrupt");
    }

    private Path file(String name, byte[]... blocks) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] block : blocks) {
            bytes.writeBytes(block);
        }
        return Files.write(directory.resolve(name), bytes.toByteArray());
    }
}
