package dev.tracks.analysis.worker.roads;

import com.graphhopper.routing.Dijkstra;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.PathExtractor;
import com.graphhopper.routing.SPTEntry;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.GHUtility;
import java.util.Arrays;
import java.util.List;

/**
 * The shortest paths from one fix's candidate to all of the next fix's candidates in one edge-based Dijkstra, as map
 * matching asks for them ({@code MapMatching.Router#calcPaths}): GraphHopper's own router runs one bidirectional
 * search per pair, 64 searches between two fixes with 8 candidates each; this runs 8, each stopping once it has
 * settled every target. The answers are the same shortest paths under the same restrictions: the path leaves the start
 * by {@code fromOutEdge} and reaches a target by its {@code toInEdge} when these are given (a candidate on a directed
 * edge), and a target at the start with no restriction is reached by the empty path.
 */
final class CandidateSearch extends Dijkstra {

    CandidateSearch(Graph graph, Weighting weighting) {
        super(graph, weighting, TraversalMode.EDGE_BASED);
    }

    @Override
    protected void initCollections(int size) {
        // The candidates of consecutive fixes lie near each other: start small, as GraphHopper's matcher does.
        super.initCollections(50);
    }

    /** The paths to each target, in the targets' order; a path not found where a target cannot be reached. */
    List<Path> calcPaths(int from, int fromOutEdge, int[] toNodes, int[] toInEdges) {
        checkAlreadyRun();
        setupFinishTime();
        Path[] paths = new Path[toNodes.length];
        int open = toNodes.length;
        SPTEntry start = new SPTEntry(from, 0);
        for (int i = 0; i < toNodes.length; i++) {
            if (toNodes[i] == from && fromOutEdge == EdgeIterator.ANY_EDGE && toInEdges[i] == EdgeIterator.ANY_EDGE) {
                paths[i] = PathExtractor.extractPath(graph, weighting, start);
                open--;
            }
        }
        fromHeap.add(start);
        while (open > 0 && !fromHeap.isEmpty()) {
            currEdge = fromHeap.poll();
            if (currEdge.isDeleted()) {
                continue;
            }
            if (currEdge != start) {
                for (int i = 0; i < toNodes.length; i++) {
                    if (paths[i] == null && currEdge.adjNode == toNodes[i]
                            && (toInEdges[i] == EdgeIterator.ANY_EDGE || currEdge.edge == toInEdges[i])) {
                        paths[i] = PathExtractor.extractPath(graph, weighting, currEdge);
                        open--;
                    }
                }
            }
            if (open > 0) {
                expand(currEdge == start ? fromOutEdge : EdgeIterator.ANY_EDGE);
            }
        }
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] == null) {
                paths[i] = createEmptyPath();
            }
        }
        return Arrays.asList(paths);
    }

    /** Relaxes the edges out of the settled entry, only {@code onlyEdge} when one is given. */
    private void expand(int onlyEdge) {
        EdgeIterator edges = edgeExplorer.setBaseNode(currEdge.adjNode);
        while (edges.next()) {
            if (onlyEdge != EdgeIterator.ANY_EDGE && edges.getEdge() != onlyEdge) {
                continue;
            }
            double weight = GHUtility.calcWeightWithTurnWeight(weighting, edges, false, currEdge.edge)
                    + currEdge.weight;
            if (Double.isInfinite(weight)) {
                continue;
            }
            int traversalId = traversalMode.createTraversalId(edges, false);
            SPTEntry known = fromMap.get(traversalId);
            if (known == null || known.weight > weight) {
                if (known != null) {
                    known.setDeleted();
                }
                SPTEntry entry = new SPTEntry(edges.getEdge(), edges.getAdjNode(), weight, currEdge);
                fromMap.put(traversalId, entry);
                fromHeap.add(entry);
            }
        }
    }
}
