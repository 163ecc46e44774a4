package dev.tracks.analysis.worker.routing;

import java.util.Arrays;

/**
 * Dijkstra's queue: a binary min-heap of (cost, node) pairs in two growing primitive arrays. A node is pushed again
 * when its cost falls rather than moved (lazy deletion): the caller skips an entry whose cost is above the node's
 * best, which is cheaper than a decrease-key index on road and rail graphs.
 */
public final class NodeHeap {

    private double[] costs = new double[64];
    private int[] nodes = new int[64];
    private int size;

    public boolean isEmpty() {
        return size == 0;
    }

    /** Removes every entry, keeping the arrays. */
    public void clear() {
        size = 0;
    }

    public void push(double cost, int node) {
        if (size == costs.length) {
            costs = Arrays.copyOf(costs, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (costs[parent] <= cost) {
                break;
            }
            costs[i] = costs[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        costs[i] = cost;
        nodes[i] = node;
    }

    /** The lowest cost in the heap; only when it is not empty. */
    public double peekCost() {
        return costs[0];
    }

    /** Removes the entry of the lowest cost and returns its node. */
    public int popNode() {
        int top = nodes[0];
        size--;
        double cost = costs[size];
        int node = nodes[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && costs[child + 1] < costs[child]) {
                child++;
            }
            if (costs[child] >= cost) {
                break;
            }
            costs[i] = costs[child];
            nodes[i] = nodes[child];
            i = child;
        }
        costs[i] = cost;
        nodes[i] = node;
        return top;
    }
}
