package dev.tracks.analysis.worker.roads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.HelsinkiNetwork;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Map matching on a real street network: central Helsinki (2,308 road ways, with footways, one-way streets,
 * roundabouts and islands of footpaths that connect to nothing), walks routed on foot between random road nodes
 * (0.8 to 4 km), a fix every 14 m along them with 10 m of Gaussian GPS noise per axis, matched with the defaults
 * (sigma 50 m, beta 2, candidates within 200 m). The walked route is the known answer.
 */
class HelsinkiMatchingTest {

    @Test
    void walksThroughCentralHelsinkiAreMatchedToAboutTheirLength() throws Exception {
        OsmNetwork network = HelsinkiNetwork.load("osm_helsinki_matching");
        RoadGraph roads = RoadGraph.of(network);
        List<OsmWay> footways = network.ways(Network.ROAD).stream()
                .filter(way -> RoadRules.foot(way.wayClass(), way.access())).toList();
        Random random = new Random(2009);
        double routed = 0;
        double matched = 0;
        int walks = 0;
        int farOff = 0;
        int fixes = 0;
        long start = System.nanoTime();
        while (walks < 40) {
            OsmWay from = footways.get(random.nextInt(footways.size()));
            OsmWay to = footways.get(random.nextInt(footways.size()));
            RoadPath path = roads.route(RoadProfile.FOOT, from.lats()[0], from.lons()[0], to.lats()[0], to.lons()[0])
                    .orElse(null);
            if (path == null || path.lengthMeters() < 800 || path.lengthMeters() > 4_000) {
                continue;
            }
            Fixes walk = noisyFixesAlong(path, 14, 10, random);
            RoadMatch match = roads.match(walk, 0, walk.size(), 50, 2, 200).orElseThrow(() ->
                    new AssertionError("a walk of " + walk.size() + " fixes broke"));
            double error = match.lengthMeters() / path.lengthMeters() - 1;
            farOff += Math.abs(error) > 0.15 ? 1 : 0;
            routed += path.lengthMeters();
            matched += match.lengthMeters();
            fixes += walk.size();
            walks++;
        }
        System.out.printf("Helsinki: %d walks, %,d fixes, %.1f km routed, %.1f km matched, %d more than 15%% off,"
                + " %.2f s matching and routing%n", walks, fixes, routed / 1000, matched / 1000, farOff,
                (System.nanoTime() - start) / 1e9);
        assertThat(matched / routed).isBetween(0.95, 1.05);
        assertThat(farOff).isLessThanOrEqualTo(2);
    }

    /** A fix every {@code stepMeters} along the path, each moved by N(0, noise) metres east and north. */
    private static Fixes noisyFixesAlong(RoadPath path, double stepMeters, double noiseMeters, Random random) {
        Fixes fixes = new Fixes();
        double next = 0;
        double walked = 0;
        for (int i = 1; i < path.size(); i++) {
            double lat1 = path.lats()[i - 1];
            double lon1 = path.lons()[i - 1];
            double length = Geodesy.distanceMeters(lat1, lon1, path.lats()[i], path.lons()[i]);
            for (; next < walked + length; next += stepMeters) {
                double f = (next - walked) / length;
                double[] at = Geodesy.destination(lat1 + f * (path.lats()[i] - lat1),
                        lon1 + f * (path.lons()[i] - lon1), 0, random.nextGaussian() * noiseMeters);
                at = Geodesy.destination(at[0], at[1], 90, random.nextGaussian() * noiseMeters);
                fixes.add(fixes.size() + 1, fixes.size() * 10_000L, at[0], at[1], Double.NaN, Double.NaN);
            }
            walked += length;
        }
        return fixes;
    }
}
