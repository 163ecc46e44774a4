package dev.tracks.analysis.reference.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tag rules one by one, with the values OSM documents. */
class OsmTagRulesTest {

    @Test
    void roadsAreTheKeptHighwayClassesThatAreNotAreas() {
        assertThat(OsmTagRules.roadClass(Map.of("highway", "footway"), OsmOptions.DEFAULT)).isEqualTo("footway");
        assertThat(OsmTagRules.roadClass(Map.of("highway", "track"), OsmOptions.DEFAULT)).isEqualTo("track");
        assertThat(OsmTagRules.roadClass(Map.of("highway", "proposed"), OsmOptions.DEFAULT)).isNull();
        assertThat(OsmTagRules.roadClass(Map.of("highway", "construction"), OsmOptions.DEFAULT)).isNull();
        assertThat(OsmTagRules.roadClass(Map.of("highway", "platform"), OsmOptions.DEFAULT)).isNull();
        assertThat(OsmTagRules.roadClass(Map.of("highway", "pedestrian", "area", "yes"), OsmOptions.DEFAULT))
                .isNull();
        assertThat(OsmTagRules.roadClass(Map.of("railway", "rail"), OsmOptions.DEFAULT)).isNull();
        assertThat(OsmTagRules.railClass(Map.of("railway", "subway"), OsmOptions.DEFAULT)).isEqualTo("subway");
        assertThat(OsmTagRules.railClass(Map.of("railway", "disused"), OsmOptions.DEFAULT)).isNull();
        assertThat(OsmTagRules.railClass(Map.of("railway", "platform"), OsmOptions.DEFAULT)).isNull();
        OsmOptions footOnly = new OsmOptions(Set.of("footway"), Set.of());
        assertThat(OsmTagRules.roadClass(Map.of("highway", "primary"), footOnly)).isNull();
        assertThat(OsmTagRules.railClass(Map.of("railway", "rail"), footOnly)).isNull();
    }

    @Test
    void onewayIsExplicitOrImpliedByRoundaboutsAndMotorways() {
        assertThat(OsmTagRules.roadOneway(Map.of("highway", "residential"))).isZero();
        assertThat(OsmTagRules.roadOneway(Map.of("oneway", "yes"))).isEqualTo(1);
        assertThat(OsmTagRules.roadOneway(Map.of("oneway", "true"))).isEqualTo(1);
        assertThat(OsmTagRules.roadOneway(Map.of("oneway", "1"))).isEqualTo(1);
        assertThat(OsmTagRules.roadOneway(Map.of("oneway", "-1"))).isEqualTo(-1);
        assertThat(OsmTagRules.roadOneway(Map.of("oneway", "reverse"))).isEqualTo(-1);
        assertThat(OsmTagRules.roadOneway(Map.of("oneway", "alternating"))).isZero();
        assertThat(OsmTagRules.roadOneway(Map.of("junction", "roundabout"))).isEqualTo(1);
        assertThat(OsmTagRules.roadOneway(Map.of("highway", "motorway"))).isEqualTo(1);
        assertThat(OsmTagRules.roadOneway(Map.of("highway", "motorway_link"))).isEqualTo(1);
        assertThat(OsmTagRules.roadOneway(Map.of("highway", "motorway", "oneway", "no"))).isZero();
        assertThat(OsmTagRules.roadOneway(Map.of("junction", "roundabout", "oneway", "-1"))).isEqualTo(-1);
        assertThat(OsmTagRules.railOneway(Map.of("railway", "rail", "oneway", "yes"))).isEqualTo(1);
        assertThat(OsmTagRules.railOneway(Map.of("railway", "tram", "highway", "primary", "oneway", "yes")))
                .isZero();
    }

    @Test
    void maxSpeedIsANumberOfKilometresOrMilesPerHour() {
        assertThat(OsmTagRules.maxSpeedKmh("50")).isEqualTo(50);
        assertThat(OsmTagRules.maxSpeedKmh("50 km/h")).isEqualTo(50);
        assertThat(OsmTagRules.maxSpeedKmh("7.5")).isEqualTo(7.5);
        assertThat(OsmTagRules.maxSpeedKmh("30 mph")).isCloseTo(48.28032, offset(1e-9));
        assertThat(OsmTagRules.maxSpeedKmh("30mph")).isCloseTo(48.28032, offset(1e-9));
        assertThat(OsmTagRules.maxSpeedKmh(null)).isNaN();
        assertThat(OsmTagRules.maxSpeedKmh("signals")).isNaN();
        assertThat(OsmTagRules.maxSpeedKmh("none")).isNaN();
        assertThat(OsmTagRules.maxSpeedKmh("DE:urban")).isNaN();
        assertThat(OsmTagRules.maxSpeedKmh("50;30")).isNaN();
        assertThat(OsmTagRules.maxSpeedKmh("0")).isNaN();
    }

    @Test
    void stationsAreRailwayStationsHaltsTramStopsAndRailPublicTransportStations() {
        assertThat(OsmTagRules.stationKind(Map.of("railway", "station"))).isEqualTo("station");
        assertThat(OsmTagRules.stationKind(Map.of("railway", "halt"))).isEqualTo("halt");
        assertThat(OsmTagRules.stationKind(Map.of("railway", "tram_stop"))).isEqualTo("tram_stop");
        assertThat(OsmTagRules.stationKind(Map.of("public_transport", "station", "subway", "yes")))
                .isEqualTo("station");
        assertThat(OsmTagRules.stationKind(Map.of("public_transport", "station", "train", "yes")))
                .isEqualTo("station");
        assertThat(OsmTagRules.stationKind(Map.of("public_transport", "station", "bus", "yes"))).isNull();
        assertThat(OsmTagRules.stationKind(Map.of("railway", "level_crossing"))).isNull();
        assertThat(OsmTagRules.stationKind(Map.of("railway", "stop"))).isNull();
    }
}
