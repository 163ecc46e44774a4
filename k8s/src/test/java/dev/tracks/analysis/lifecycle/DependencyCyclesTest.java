package dev.tracks.analysis.lifecycle;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyCyclesTest {

    @Test
    void findsTheCycleThroughTheTask() {
        Map<String, List<String>> graph = Map.of(
                "a", List.of("x", "b"),
                "x", List.of(),
                "b", List.of("c"),
                "c", List.of("a"));
        assertThat(DependencyCycles.through("a", graph)).contains(List.of("a", "b", "c", "a"));
    }

    @Test
    void aDiamondIsNoCycle() {
        Map<String, List<String>> graph = Map.of(
                "trips", List.of("stays", "modes"),
                "stays", List.of("outliers"),
                "modes", List.of("outliers"),
                "outliers", List.of());
        assertThat(DependencyCycles.through("trips", graph)).isEmpty();
    }

    @Test
    void aCycleElsewhereIsNotThisTasksCycle() {
        Map<String, List<String>> graph = Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("b"));
        assertThat(DependencyCycles.through("a", graph)).isEmpty();
        assertThat(DependencyCycles.through("b", graph)).contains(List.of("b", "c", "b"));
    }
}
