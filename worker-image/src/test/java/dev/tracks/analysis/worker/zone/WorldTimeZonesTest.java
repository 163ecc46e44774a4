package dev.tracks.analysis.worker.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lookup cache's cells: about a kilometre, distinct across the globe's edges. */
class WorldTimeZonesTest {

    @Test
    void cellsAreAHundredthOfADegreeAndDistinctAtTheEdges() {
        assertThat(WorldTimeZones.cell(47.3701, 8.5401)).isEqualTo(WorldTimeZones.cell(47.3699, 8.5399));
        assertThat(WorldTimeZones.cell(47.37, 8.54)).isNotEqualTo(WorldTimeZones.cell(47.38, 8.54))
                .isNotEqualTo(WorldTimeZones.cell(47.37, 8.55));
        assertThat(WorldTimeZones.cell(-18.1, 179.999)).isNotEqualTo(WorldTimeZones.cell(-18.1, -179.999));
        assertThat(WorldTimeZones.cell(90, 180)).isNotEqualTo(WorldTimeZones.cell(-90, -180));
    }
}
