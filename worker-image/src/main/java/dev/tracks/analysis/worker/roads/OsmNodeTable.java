package dev.tracks.analysis.worker.roads;

import java.util.Arrays;

/**
 * The OSM nodes of a set of ways, by id: how many times the ways use each, and the graph node it became, in an
 * open-addressing hash table with linear probing over primitive arrays (a sorted array searched by bisection cost a
 * cache miss per step, most of the graph's build time; a {@code HashMap<Long, Integer>} boxes every id).
 */
final class OsmNodeTable {

    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] ids;
    private final int[] uses;
    private final int[] graphNodes;
    private final int mask;
    private int nextGraphNode;

    /** A table for up to {@code capacity} distinct ids. */
    OsmNodeTable(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        ids = new long[size];
        uses = new int[size];
        graphNodes = new int[size];
        mask = size - 1;
        Arrays.fill(ids, EMPTY);
        Arrays.fill(graphNodes, -1);
    }

    /** Counts one more use of the node. */
    void use(long id) {
        uses[slot(id, true)]++;
    }

    /** How many times the ways use the node (its ends counted as the caller counted them). */
    int uses(long id) {
        int slot = slot(id, false);
        return slot < 0 ? 0 : uses[slot];
    }

    /** The node's graph node, numbered in the order of first request from 0. */
    int graphNode(long id) {
        int slot = slot(id, true);
        if (graphNodes[slot] < 0) {
            graphNodes[slot] = nextGraphNode++;
        }
        return graphNodes[slot];
    }

    /** How many graph nodes {@link #graphNode} has numbered. */
    int graphNodes() {
        return nextGraphNode;
    }

    /** The slot of the id; when it is new, claimed or -1. */
    private int slot(long id, boolean claim) {
        if (id == EMPTY) {
            throw new IllegalArgumentException("OSM node id " + id + " is out of range");
        }
        int slot = (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (ids[slot] != id) {
            if (ids[slot] == EMPTY) {
                if (!claim) {
                    return -1;
                }
                ids[slot] = id;
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
