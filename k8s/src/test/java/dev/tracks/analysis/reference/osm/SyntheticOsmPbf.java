package dev.tracks.analysis.reference.osm;

import com.google.protobuf.ByteString;
import crosby.binary.Fileformat.Blob;
import crosby.binary.Fileformat.BlobHeader;
import crosby.binary.Osmformat.DenseNodes;
import crosby.binary.Osmformat.HeaderBlock;
import crosby.binary.Osmformat.Node;
import crosby.binary.Osmformat.PrimitiveBlock;
import crosby.binary.Osmformat.PrimitiveGroup;
import crosby.binary.Osmformat.StringTable;
import crosby.binary.Osmformat.Way;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes a small {@code .osm.pbf} file as the format describes it (an OSMHeader block, then OSMData blocks of nodes,
 * dense or plain, and ways; each block a length-prefixed BlobHeader and a zlib-compressed or raw Blob), built with
 * osmpbf's protobuf messages, for tests that need an extract whose content they know. Ways may name nodes that are not
 * written (as a way clipped at an extract's border does). Tags are given as "key=value".
 */
public final class SyntheticOsmPbf {

    /** Nanodegrees per coordinate unit: the format's default granularity. */
    private static final int GRANULARITY = 100;

    private record Element(long id, double lat, double lon, long[] refs, String[] tags, boolean plain) {
    }

    private final List<Element> nodes = new ArrayList<>();
    private final List<Element> ways = new ArrayList<>();
    private int elementsPerBlock = 8_000;
    private boolean zlib = true;

    /** A node, written among the dense nodes. */
    public SyntheticOsmPbf node(long id, double lat, double lon, String... tags) {
        nodes.add(new Element(id, lat, lon, null, tags, false));
        return this;
    }

    /** A node written as a plain Node message rather than among the dense nodes. */
    public SyntheticOsmPbf plainNode(long id, double lat, double lon, String... tags) {
        nodes.add(new Element(id, lat, lon, null, tags, true));
        return this;
    }

    public SyntheticOsmPbf way(long id, long[] nodeIds, String... tags) {
        ways.add(new Element(id, 0, 0, nodeIds, tags, false));
        return this;
    }

    /** At most this many nodes or ways in one block (the nodes first, then the ways, as extracts are sorted). */
    public SyntheticOsmPbf elementsPerBlock(int count) {
        elementsPerBlock = count;
        return this;
    }

    /** Raw (uncompressed) blobs instead of zlib_data. */
    public SyntheticOsmPbf raw() {
        zlib = false;
        return this;
    }

    public Path write(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headerBlock("OsmSchema-V0.6", "DenseNodes"));
        for (int from = 0; from < nodes.size(); from += elementsPerBlock) {
            out.writeBytes(block("OSMData", nodeBlock(nodes.subList(from, Math.min(nodes.size(),
                    from + elementsPerBlock))).toByteString(), zlib));
        }
        for (int from = 0; from < ways.size(); from += elementsPerBlock) {
            out.writeBytes(block("OSMData", wayBlock(ways.subList(from, Math.min(ways.size(),
                    from + elementsPerBlock))).toByteString(), zlib));
        }
        return out.toByteArray();
    }

    /** An OSMHeader block requiring {@code features}. */
    public static byte[] headerBlock(String... features) {
        HeaderBlock header = HeaderBlock.newBuilder().addAllRequiredFeatures(List.of(features))
                .setWritingprogram("tracks-analysis tests").build();
        return block("OSMHeader", header.toByteString(), true);
    }

    /** One block: the BlobHeader's length (4 bytes, big-endian), the BlobHeader, the Blob holding {@code data}. */
    public static byte[] block(String type, ByteString data, boolean zlib) {
        Blob.Builder blob = Blob.newBuilder().setRawSize(data.size());
        if (zlib) {
            Deflater deflater = new Deflater();
            deflater.setInput(data.toByteArray());
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 14];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            blob.setZlibData(ByteString.copyFrom(compressed.toByteArray()));
        } else {
            blob.setRaw(data);
        }
        return frame(type, blob.build());
    }

    /** A block holding {@code blob} as it is (e.g. one compressed in a way the reader does not support). */
    public static byte[] frame(String type, Blob blob) {
        byte[] body = blob.toByteArray();
        byte[] header = BlobHeader.newBuilder().setType(type).setDatasize(body.length).build().toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeInt(header.length);
            data.write(header);
            data.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PrimitiveBlock nodeBlock(List<Element> elements) {
        Strings strings = new Strings();
        PrimitiveGroup.Builder plain = PrimitiveGroup.newBuilder();
        DenseNodes.Builder dense = DenseNodes.newBuilder();
        boolean anyTags = elements.stream().anyMatch(node -> !node.plain() && node.tags().length > 0);
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (Element node : elements) {
            if (node.plain()) {
                Node.Builder message = Node.newBuilder().setId(node.id()).setLat(units(node.lat()))
                        .setLon(units(node.lon()));
                for (String tag : node.tags()) {
                    message.addKeys(strings.id(key(tag))).addVals(strings.id(value(tag)));
                }
                plain.addNodes(message);
                continue;
            }
            dense.addId(node.id() - id).addLat(units(node.lat()) - lat).addLon(units(node.lon()) - lon);
            id = node.id();
            lat = units(node.lat());
            lon = units(node.lon());
            if (anyTags) {
                for (String tag : node.tags()) {
                    dense.addKeysVals(strings.id(key(tag))).addKeysVals(strings.id(value(tag)));
                }
                dense.addKeysVals(0);
            }
        }
        PrimitiveBlock.Builder block = PrimitiveBlock.newBuilder().setGranularity(GRANULARITY);
        if (dense.getIdCount() > 0) {
            block.addPrimitivegroup(PrimitiveGroup.newBuilder().setDense(dense));
        }
        if (plain.getNodesCount() > 0) {
            block.addPrimitivegroup(plain);
        }
        return block.setStringtable(strings.table()).build();
    }

    private static PrimitiveBlock wayBlock(List<Element> elements) {
        Strings strings = new Strings();
        PrimitiveGroup.Builder group = PrimitiveGroup.newBuilder();
        for (Element way : elements) {
            Way.Builder message = Way.newBuilder().setId(way.id());
            for (String tag : way.tags()) {
                message.addKeys(strings.id(key(tag))).addVals(strings.id(value(tag)));
            }
            long previous = 0;
            for (long ref : way.refs()) {
                message.addRefs(ref - previous);
                previous = ref;
            }
            group.addWays(message);
        }
        return PrimitiveBlock.newBuilder().addPrimitivegroup(group).setStringtable(strings.table()).build();
    }

    private static long units(double degrees) {
        return Math.round(degrees * 1e9 / GRANULARITY);
    }

    private static String key(String tag) {
        return tag.substring(0, tag.indexOf('='));
    }

    private static String value(String tag) {
        return tag.substring(tag.indexOf('=') + 1);
    }

    /** A block's string table: index 0 is the empty string the format reserves. */
    private static final class Strings {
        private final Map<String, Integer> ids = new LinkedHashMap<>(Map.of("", 0));

        int id(String value) {
            return ids.computeIfAbsent(value, unused -> ids.size());
        }

        StringTable table() {
            StringTable.Builder table = StringTable.newBuilder();
            ids.keySet().forEach(value -> table.addS(ByteString.copyFrom(value, StandardCharsets.UTF_8)));
            return table.build();
        }
    }
}
