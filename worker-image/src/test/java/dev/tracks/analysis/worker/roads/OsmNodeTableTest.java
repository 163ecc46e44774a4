package dev.tracks.analysis.worker.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The OSM node table counts uses and numbers graph nodes as a map would, for any ids, however they collide. */
class OsmNodeTableTest {

    @Test
    void countsUsesAndNumbersGraphNodesInOrderOfFirstRequest() {
        Random random = new Random(3);
        long[] ids = new long[5_000];
        for (int i = 0; i < ids.length; i++) {
            // Negative ids (unsaved edits), 0, and ids that share their low bits.
            ids[i] = i % 3 == 0 ? -random.nextInt(1_000) : (long) random.nextInt(2_000) << 32;
        }
        OsmNodeTable table = new OsmNodeTable(ids.length);
        Map<Long, Integer> uses = new HashMap<>();
        for (long id : ids) {
            table.use(id);
            uses.merge(id, 1, Integer::sum);
        }
        Map<Long, Integer> numbered = new HashMap<>();
        for (long id : ids) {
            assertThat(table.uses(id)).isEqualTo(uses.get(id));
            assertThat(table.graphNode(id)).isEqualTo(numbered.computeIfAbsent(id, newId -> numbered.size()));
        }
        assertThat(table.graphNodes()).isEqualTo(uses.size());
        assertThat(table.uses(123_456_789L)).isZero();
        assertThatThrownBy(() -> table.use(Long.MIN_VALUE)).hasMessageContaining("out of range");
    }
}
