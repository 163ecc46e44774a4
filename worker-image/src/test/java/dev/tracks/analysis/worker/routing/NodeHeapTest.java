package dev.tracks.analysis.worker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heap pops the lowest cost first, as a {@link PriorityQueue} does, through growth, clears and interleaving. */
class NodeHeapTest {

    @Test
    void popsTheNodeOfTheLowestCostFirst() {
        Random random = new Random(11);
        NodeHeap heap = new NodeHeap();
        double[] costOf = new double[500];
        for (int round = 0; round < 3; round++) {
            PriorityQueue<Double> expected = new PriorityQueue<>();
            for (int node = 0; node < costOf.length; node++) {
                costOf[node] = random.nextInt(100);
                heap.push(costOf[node], node);
                expected.add(costOf[node]);
                if (random.nextInt(3) == 0) {
                    assertThat(heap.peekCost()).isEqualTo(expected.peek());
                    assertThat(costOf[heap.popNode()]).isEqualTo(expected.poll());
                }
            }
            while (!heap.isEmpty()) {
                assertThat(costOf[heap.popNode()]).isEqualTo(expected.poll());
            }
            assertThat(expected).isEmpty();
            heap.push(1, 1);
            heap.clear();
            assertThat(heap.isEmpty()).isTrue();
        }
    }
}
