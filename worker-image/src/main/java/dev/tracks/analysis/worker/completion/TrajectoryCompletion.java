package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.roads.RoadProfile;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trajectory_completion skill: fills each recording gap of one user's clean fixes with synthetic fixes.
 *
 * <p>A gap is a pair of consecutive fixes more than {@code minGapSeconds} and at most {@code maxGapMinutes} apart in
 * time, and more than {@code spacingMeters} apart in space (a shorter one gets no fix). Its path is chosen by
 * {@link GapMethod#wanted} from its implied speed and the modes on either side ({@link GapModes}) and drawn by
 * {@link GapPath}: a great circle, a rail or road route of the OSM load, or a straight line (also when a route was
 * wanted but the network is not loaded or does not reach both ends). Synthetic fixes lie every {@code spacingMeters} along the
 * path, the last one short of the gap's end, at the times of constant speed along it: MovingPandas
 * {@code get_position_at} interpolates in time linearly between the surrounding fixes, which is constant speed.
 * Reitti's {@code SyntheticLocationPointGenerator} instead places a fix every 15 s of time and, for slow gaps, crowds
 * them towards the start (a power of the time ratio), guessing that the user lingered before leaving; we space them
 * by distance, as the issue asks, and assume no such lingering, since a gap says nothing about when the user moved.
 *
 * <p>Streaming ({@link StreamResult}): a gap depends only on its two fixes, so every gap whose second fix has arrived
 * is final; the next call starts at the group of fixes sharing the last time (a gap may start there). Nothing is
 * provisional.
 */
final class TrajectoryCompletion {

    private TrajectoryCompletion() {
    }

    /** Fills the gaps that start at fix {@code from} or later. */
    static StreamResult<CompletedGap> complete(Fixes fixes, int from, GapModes modes, Networks networks,
                                               CompletionParams params) {
        List<CompletedGap> gaps = new ArrayList<>();
        int n = fixes.size();
        for (int i = from; i + 1 < n; i++) {
            long duration = fixes.time(i + 1) - fixes.time(i);
            if (duration <= params.minGapMillis() || duration > params.maxGapMillis()) {
                continue;
            }
            double distance = Geodesy.distanceMeters(fixes.lat(i), fixes.lon(i), fixes.lat(i + 1), fixes.lon(i + 1));
            if (distance > params.spacingMeters()) {
                gaps.add(fill(fixes, i, distance, modes, networks, params));
            }
        }
        int resume = n;
        while (resume > from && resume > 0 && fixes.time(resume - 1) == fixes.time(n - 1)) {
            resume--;
        }
        return new StreamResult<>(gaps, List.of(), resume, resume);
    }

    private static CompletedGap fill(Fixes fixes, int i, double distance, GapModes modes, Networks networks,
                                     CompletionParams params) {
        long start = fixes.time(i);
        long end = fixes.time(i + 1);
        double lat1 = fixes.lat(i);
        double lon1 = fixes.lon(i);
        double lat2 = fixes.lat(i + 1);
        double lon2 = fixes.lon(i + 1);
        double speedKmh = distance / (end - start) * 3600;
        FineMode before = modes.endingAt(start);
        FineMode after = modes.startingAt(end);
        GapMethod wanted = GapMethod.wanted(speedKmh, before, after, params.flightMinSpeedKmh());
        GapMethod method = wanted;
        GapPath path;
        if (wanted == GapMethod.GREAT_CIRCLE) {
            path = GapPath.GreatCircleArc.between(lat1, lon1, lat2, lon2);
        } else {
            Optional<GapPath.Route> route = wanted.isRouted() ? networks.route(wanted, roadProfile(before, after),
                    lat1, lon1, lat2, lon2, params.maxSnapMeters()) : Optional.empty();
            if (route.isPresent()) {
                path = route.get();
            } else {
                method = GapMethod.LINEAR;
                path = GapPath.StraightLine.between(lat1, lon1, lat2, lon2);
            }
        }
        double length = path.lengthMeters();
        int count = Math.max(0, (int) Math.ceil(length / params.spacingMeters()) - 1);
        long[] times = new long[count];
        double[] lats = new double[count];
        double[] lons = new double[count];
        for (int k = 0; k < count; k++) {
            double fraction = (k + 1) * params.spacingMeters() / length;
            path.place(fraction, lats, lons, k);
            // Strictly inside the gap even when more fixes than milliseconds would fit.
            times[k] = Math.min(end - 1, Math.max(start + 1, start + Math.round(fraction * (end - start))));
        }
        return new CompletedGap(start, end, fixes.id(i), fixes.id(i + 1), distance, speedKmh, before, after, wanted,
                method, length, method.isRouted() ? networks.loadId() : null, times, lats, lons);
    }

    /**
     * A road vehicle beside the gap takes the fastest car route (one-way streets in their direction); a bicycle the
     * shortest over every road open to cars or pedestrians, both ways, as cyclists use footways and ride against
     * one-way streets.
     */
    static RoadProfile roadProfile(FineMode before, FineMode after) {
        return before == FineMode.ROAD_VEHICLE || after == FineMode.ROAD_VEHICLE ? RoadProfile.CAR : RoadProfile.ANY;
    }
}
