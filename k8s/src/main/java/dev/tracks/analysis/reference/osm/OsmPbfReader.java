package dev.tracks.analysis.reference.osm;

import crosby.binary.Osmformat.DenseNodes;
import crosby.binary.Osmformat.Node;
import crosby.binary.Osmformat.PrimitiveBlock;
import crosby.binary.Osmformat.PrimitiveGroup;
import crosby.binary.Osmformat.Way;
import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the roads, rails and stations of an {@code .osm.pbf} extract in two passes over the file, so that memory
 * grows with the kept ways, not with the file: the first pass keeps the road and rail ways (tags decided by
 * {@link OsmTagRules}) with their node ids; between the passes the ids they need go into one sorted primitive array;
 * the second pass fills in those nodes' positions (every other node of the file is passed over) and collects the
 * stations.
 *
 * <p>A way whose nodes are not all in the extract (it was clipped at the extract's border) keeps its longest run of
 * consecutive nodes that are there, if that run has two nodes or more, and is dropped otherwise: one row per way and
 * network, as osm_ways' key has it; the other runs of a way that leaves and re-enters the extract are lost.
 */
public final class OsmPbfReader {

    /** Where the rows go; called after both passes, ways first, each kind in id order. */
    public interface Sink {
        void way(OsmWay way) throws SQLException;

        void station(OsmStation station) throws SQLException;
    }

    /**
     * What a read kept.
     *
     * @param ways ways kept (a way kept as both road and rail counts once)
     * @param clipped of those, ways cut to their longest run of nodes present in the extract
     * @param dropped road or rail ways left out because fewer than two of their nodes are in the extract
     */
    public record Counts(int ways, int clipped, int dropped, int stations) {
    }

    /** A kept way between the passes: its tags' verdicts and its node ids (positions come in the second pass). */
    private record Draft(long id, String roadClass, String railClass, String name, int roadOneway, int railOneway,
                         double maxSpeedKmh, String access, long[] nodeIds, String block) {
    }

    private final OsmOptions options;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<OsmStation> stations = new ArrayList<>();
    private long[] neededIds;
    private double[] lats;
    private double[] lons;

    private OsmPbfReader(OsmOptions options) {
        this.options = options;
    }

    /** Reads {@code file} and hands its ways, then its stations, to {@code sink}. */
    public static Counts read(Path file, OsmOptions options, Sink sink) throws IOException, SQLException {
        OsmPbfReader reader = new OsmPbfReader(options);
        PbfFile.read(file, reader::keepWays);
        reader.neededIds = reader.distinctNodeIds();
        reader.lats = new double[reader.neededIds.length];
        reader.lons = new double[reader.neededIds.length];
        Arrays.fill(reader.lats, Double.NaN);
        Arrays.fill(reader.lons, Double.NaN);
        PbfFile.read(file, reader::readNodes);
        return reader.emit(sink);
    }

    private void keepWays(String blockWhere, PrimitiveBlock block) {
        String[] strings = strings(block);
        for (PrimitiveGroup group : block.getPrimitivegroupList()) {
            for (Way way : group.getWaysList()) {
                if (way.getKeysCount() != way.getValsCount()) {
                    throw new BadReferenceFile(where("way", way.getId(), blockWhere), way.getKeysCount()
                            + " tag keys but " + way.getValsCount() + " values: corrupt");
                }
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < way.getKeysCount(); i++) {
                    tag(tags, strings, way.getKeys(i), way.getVals(i), "way", way.getId(), blockWhere);
                }
                String road = OsmTagRules.roadClass(tags, options);
                String rail = OsmTagRules.railClass(tags, options);
                if (road == null && rail == null) {
                    continue;
                }
                long[] refs = new long[way.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += way.getRefs(i);
                    refs[i] = ref;
                }
                drafts.add(new Draft(way.getId(), road, rail, OsmTagRules.name(tags), OsmTagRules.roadOneway(tags),
                        OsmTagRules.railOneway(tags), OsmTagRules.maxSpeedKmh(tags.get("maxspeed")),
                        OsmTagRules.access(tags), refs, blockWhere));
            }
        }
    }

    private void readNodes(String blockWhere, PrimitiveBlock block) {
        String[] strings = strings(block);
        for (PrimitiveGroup group : block.getPrimitivegroupList()) {
            for (Node node : group.getNodesList()) {
                if (node.getKeysCount() != node.getValsCount()) {
                    throw new BadReferenceFile(where("node", node.getId(), blockWhere), node.getKeysCount()
                            + " tag keys but " + node.getValsCount() + " values: corrupt");
                }
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < node.getKeysCount(); i++) {
                    tag(tags, strings, node.getKeys(i), node.getVals(i), "node", node.getId(), blockWhere);
                }
                node(block, node.getId(), node.getLat(), node.getLon(), tags, blockWhere);
            }
            if (group.hasDense()) {
                readDense(blockWhere, block, group.getDense(), strings);
            }
        }
    }

    private void readDense(String blockWhere, PrimitiveBlock block, DenseNodes dense, String[] strings) {
        int count = dense.getIdCount();
        if (dense.getLatCount() != count || dense.getLonCount() != count) {
            throw new BadReferenceFile("dense nodes in " + blockWhere, count + " ids but " + dense.getLatCount()
                    + " latitudes and " + dense.getLonCount() + " longitudes: corrupt");
        }
        boolean tagged = dense.getKeysValsCount() > 0;
        long id = 0;
        long lat = 0;
        long lon = 0;
        int tagIndex = 0;
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < count; i++) {
            id += dense.getId(i);
            lat += dense.getLat(i);
            lon += dense.getLon(i);
            tags.clear();
            // keys_vals: for each node its key and value string ids, then a 0 (empty when no node has tags).
            while (tagged) {
                if (tagIndex >= dense.getKeysValsCount()) {
                    throw new BadReferenceFile(where("node", id, blockWhere), "the dense nodes' keys_vals end"
                            + " before the last node's tags: corrupt");
                }
                int key = dense.getKeysVals(tagIndex++);
                if (key == 0) {
                    break;
                }
                if (tagIndex >= dense.getKeysValsCount()) {
                    throw new BadReferenceFile(where("node", id, blockWhere), "a tag key without its value in"
                            + " keys_vals: corrupt");
                }
                tag(tags, strings, key, dense.getKeysVals(tagIndex++), "node", id, blockWhere);
            }
            node(block, id, lat, lon, tags, blockWhere);
        }
    }

    /** One node of the file: its position if a kept way needs it, and a station if its tags make one. */
    private void node(PrimitiveBlock block, long id, long rawLat, long rawLon, Map<String, String> tags,
                      String blockWhere) {
        int index = Arrays.binarySearch(neededIds, id);
        String kind = tags.isEmpty() ? null : OsmTagRules.stationKind(tags);
        if (index < 0 && kind == null) {
            return;
        }
        double lat = degrees(block.getLatOffset(), block.getGranularity(), rawLat);
        double lon = degrees(block.getLonOffset(), block.getGranularity(), rawLon);
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new BadReferenceFile(where("node", id, blockWhere), "position " + lat + ", " + lon
                    + " is outside -90..90, -180..180");
        }
        if (index >= 0) {
            lats[index] = lat;
            lons[index] = lon;
        }
        if (kind != null) {
            stations.add(new OsmStation(id, kind, OsmTagRules.name(tags), lat, lon));
        }
    }

    /**
     * Degrees from a PBF coordinate: (offset + granularity * value) nanodegrees. Dividing the exact integer by 1e9
     * gives the double nearest the decimal the file holds (60.17, not 60.170000000000002).
     */
    private static double degrees(long offset, int granularity, long value) {
        return (offset + (long) granularity * value) / 1e9;
    }

    private Counts emit(Sink sink) throws SQLException {
        drafts.sort(Comparator.comparingLong(Draft::id));
        int kept = 0;
        int clipped = 0;
        int dropped = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            if (i > 0 && drafts.get(i - 1).id() == draft.id()) {
                throw new BadReferenceFile(where("way", draft.id(), draft.block()), "the way appears twice in the"
                        + " file");
            }
            int[] run = longestPresentRun(draft.nodeIds());
            int length = run[1] - run[0];
            if (length < 2) {
                dropped++;
                continue;
            }
            kept++;
            if (length < draft.nodeIds().length) {
                clipped++;
            }
            long[] ids = Arrays.copyOfRange(draft.nodeIds(), run[0], run[1]);
            double[] wayLats = new double[length];
            double[] wayLons = new double[length];
            for (int n = 0; n < length; n++) {
                int index = Arrays.binarySearch(neededIds, ids[n]);
                wayLats[n] = lats[index];
                wayLons[n] = lons[index];
            }
            if (draft.roadClass() != null) {
                sink.way(new OsmWay(draft.id(), Network.ROAD, draft.roadClass(), draft.name(), draft.roadOneway(),
                        draft.maxSpeedKmh(), draft.access(), ids, wayLats, wayLons));
            }
            if (draft.railClass() != null) {
                sink.way(new OsmWay(draft.id(), Network.RAIL, draft.railClass(), draft.name(), draft.railOneway(),
                        draft.maxSpeedKmh(), draft.access(), ids, wayLats, wayLons));
            }
        }
        stations.sort(Comparator.comparingLong(OsmStation::nodeId));
        for (int i = 0; i < stations.size(); i++) {
            if (i > 0 && stations.get(i - 1).nodeId() == stations.get(i).nodeId()) {
                throw new BadReferenceFile("node " + stations.get(i).nodeId(), "the node appears twice in the file");
            }
            sink.station(stations.get(i));
        }
        return new Counts(kept, clipped, dropped, stations.size());
    }

    /** The first of the longest runs of consecutive nodes whose positions are known, as {start, end exclusive}. */
    private int[] longestPresentRun(long[] nodeIds) {
        int bestStart = 0;
        int bestEnd = 0;
        int start = 0;
        for (int n = 0; n <= nodeIds.length; n++) {
            boolean present = n < nodeIds.length && !Double.isNaN(lats[Arrays.binarySearch(neededIds, nodeIds[n])]);
            if (!present) {
                if (n - start > bestEnd - bestStart) {
                    bestStart = start;
                    bestEnd = n;
                }
                start = n + 1;
            }
        }
        return new int[] {bestStart, bestEnd};
    }

    /** Adds a tag the rules read; string ids outside the block's table are a corrupt element. */
    private static void tag(Map<String, String> tags, String[] strings, int key, int value, String element, long id,
                            String blockWhere) {
        if (key <= 0 || key >= strings.length || value < 0 || value >= strings.length) {
            throw new BadReferenceFile(where(element, id, blockWhere), "tag string ids " + key + "=" + value
                    + " are outside the block's string table of " + strings.length + " strings: corrupt");
        }
        if (OsmTagRules.KEYS.contains(strings[key])) {
            tags.put(strings[key], strings[value]);
        }
    }

    /** Names an element for an error (built only then: a file has millions of elements). */
    private static String where(String element, long id, String blockWhere) {
        return element + " " + id + " in " + blockWhere;
    }

    private static String[] strings(PrimitiveBlock block) {
        String[] strings = new String[block.getStringtable().getSCount()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = block.getStringtable().getS(i).toStringUtf8();
        }
        return strings;
    }

    /** The ids of the nodes the kept ways need, sorted, each once. */
    private long[] distinctNodeIds() {
        long[] values = new long[drafts.stream().mapToInt(draft -> draft.nodeIds().length).sum()];
        int at = 0;
        for (Draft draft : drafts) {
            System.arraycopy(draft.nodeIds(), 0, values, at, draft.nodeIds().length);
            at += draft.nodeIds().length;
        }
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }
}
