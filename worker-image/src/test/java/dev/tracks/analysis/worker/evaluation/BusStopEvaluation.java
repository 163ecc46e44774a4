package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.outlier.OutlierDetection;
import dev.tracks.analysis.worker.outlier.OutlierFlag;
import dev.tracks.analysis.worker.outlier.OutlierParameters;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.Stay;
import dev.tracks.analysis.worker.stay.StayDetection;
import dev.tracks.analysis.worker.stay.StayParameters;
import dev.tracks.analysis.worker.track.Fixes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Part 3 of {@link Evaluation}: stay detection on a bus journey against the route's stops, over a small grid of
 * parameters suited to bus stops, plus the catalog defaults for comparison. The last window is included (the journey
 * ends at the terminus); the gap threshold keeps its default.
 */
final class BusStopEvaluation {

    static final double MATCH_RADIUS_METERS = 50;
    /** The circle around a stop in which a bus waiting at the stop stands (GPS noise and bus length included). */
    static final double DWELL_RADIUS_METERS = 30;
    /** A dwell this long within {@link #DWELL_RADIUS_METERS} is more than passing by: the bus halted. */
    static final double HALT_SECONDS = 15;
    private static final double[] DISTANCES_METERS = {30, 40, 50};
    private static final double[] DURATIONS_MINUTES = {0.25, 1.0 / 3, 0.5};

    private BusStopEvaluation() {
    }

    /**
     * transport_mode on the journey, which is a bus ride from its first fix to its last: every second of movement
     * should be a road vehicle, the case a rail rule must not catch (stops every few hundred metres, turns).
     */
    private static void printModes(Fixes fixes) {
        List<MovementSegment> segments = AnalysisChain.run(fixes).segments();
        double[] seconds = new double[FineMode.values().length];
        for (MovementSegment segment : segments) {
            seconds[segment.fine().ordinal()] += segment.durationMillis() / 1e3;
        }
        System.out.print("\ntransport_mode on the bus ride, seconds of movement segments by fine mode:");
        for (FineMode mode : FineMode.values()) {
            System.out.printf(Locale.ROOT, " %s %.0f;", mode, seconds[mode.ordinal()]);
        }
        System.out.println("\n");
        LabeledEvaluation.printSegmentFeatures(segments);
    }

    static void report(Path folder) throws IOException {
        Path gpx = single(folder, ".gpx");
        Path geoPackage = single(folder, ".gpkg");
        if (gpx == null || geoPackage == null) {
            System.out.println("SKIPPED: " + folder + " needs one .gpx and one .gpkg file.\n");
            return;
        }
        List<GeoPackagePoints.Point> stops;
        try {
            stops = GeoPackagePoints.read(geoPackage);
        } catch (SQLException e) {
            System.out.println("SKIPPED: cannot read the stops from " + geoPackage + " (" + e.getMessage()
                    + "); run with the classpath of -Pevaluation, which adds org.xerial:sqlite-jdbc.\n");
            return;
        }
        TrackFiles.Track track = TrackFiles.read(gpx, "bus-304");
        List<OutlierFlag> flags = AnalysisChain.whole(
                OutlierDetection.detectOutliers(track.fixes(), 0, SkillParams.defaults(OutlierParameters.class)));
        Fixes clean = AnalysisChain.withoutFlagged(track.fixes(), flags);
        System.out.printf(Locale.ROOT, "- fixes: %d, %s .. %s; outliers dropped: %d %s%n", track.fixes().size(),
                LabeledEvaluation.time(clean.time(0)), LabeledEvaluation.time(clean.time(clean.size() - 1)),
                flags.size(), Counts.reasons(Counts.byReason(flags)));
        printModes(track.fixes());
        long halted = stops.stream().filter(stop -> StopMatching.longestDwellSeconds(clean, stop, DWELL_RADIUS_METERS)
                >= HALT_SECONDS).count();
        System.out.printf(Locale.ROOT, "- stops: %d; passed by the track within %.0f m: %d; where the bus stayed within"
                + " %.0f m for at least %.0f s (it halted): %d%n%n", stops.size(), MATCH_RADIUS_METERS,
                StopMatching.stopsPassed(clean, stops, MATCH_RADIUS_METERS), DWELL_RADIUS_METERS, HALT_SECONDS, halted);
        System.out.println("| distThresholdMeters | timeThresholdMinutes | stays | stops found (of " + stops.size()
                + ") | stays near a stop | false positives | precision |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (double distance : DISTANCES_METERS) {
            for (double minutes : DURATIONS_MINUTES) {
                printRow(clean, stops, new StayParameters(distance, minutes, 15, true));
            }
        }
        printRow(clean, stops, SkillParams.defaults(StayParameters.class).withIncludeLast(true));
        System.out.printf(Locale.ROOT, "%nA stop is found when a stay's centre lies within %.0f m of it; a stay is a"
                + " false positive when no stop does.%n%n", MATCH_RADIUS_METERS);
        printDetails(clean, stops, new StayParameters(DISTANCES_METERS[0], DURATIONS_MINUTES[0], 15, true));
    }

    /** The missed stops with the bus's dwell near them, and the false positives, for one setting. */
    private static void printDetails(Fixes clean, List<GeoPackagePoints.Point> stops, StayParameters parameters) {
        List<Stay> stays = AnalysisChain.whole(StayDetection.detectStays(clean, 0, parameters));
        System.out.printf(Locale.ROOT, "Details for %.0f m / %.2f min. Stops not found (fid: longest time the bus"
                + " stayed within %.0f m of the stop, s):", parameters.distThresholdMeters(),
                parameters.timeThresholdMinutes(), DWELL_RADIUS_METERS);
        for (GeoPackagePoints.Point stop : stops) {
            if (stays.stream().noneMatch(stay -> StopMatching.nearestStopMeters(stay, List.of(stop))
                    <= MATCH_RADIUS_METERS)) {
                System.out.printf(Locale.ROOT, " %d: %.0f;", stop.fid(),
                        StopMatching.longestDwellSeconds(clean, stop, DWELL_RADIUS_METERS));
            }
        }
        System.out.print("\n\nFalse positives (start, duration s, distance to the nearest stop m):");
        for (Stay stay : stays) {
            double nearest = StopMatching.nearestStopMeters(stay, stops);
            if (nearest > MATCH_RADIUS_METERS) {
                System.out.printf(Locale.ROOT, " %s %.0f s %.0f m;", LabeledEvaluation.time(stay.startMillis()),
                        (stay.endMillis() - stay.startMillis()) / 1e3, nearest);
            }
        }
        System.out.println("\n");
    }

    private static void printRow(Fixes clean, List<GeoPackagePoints.Point> stops, StayParameters parameters) {
        List<Stay> stays = AnalysisChain.whole(StayDetection.detectStays(clean, 0, parameters));
        StopMatching.Outcome outcome = StopMatching.match(stays, stops, MATCH_RADIUS_METERS);
        System.out.printf(Locale.ROOT, "| %.0f | %.2f | %d | %d | %d | %d | %.2f |%n",
                parameters.distThresholdMeters(), parameters.timeThresholdMinutes(), outcome.stays(),
                outcome.stopsFound(), outcome.staysNearStop(), outcome.falsePositives(),
                outcome.stays() == 0 ? Double.NaN : (double) outcome.staysNearStop() / outcome.stays());
    }

    /** The only file of the folder with that extension, or null. */
    private static Path single(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matching = files.filter(path -> path.getFileName().toString().endsWith(extension)).toList();
            return matching.size() == 1 ? matching.get(0) : null;
        }
    }
}
