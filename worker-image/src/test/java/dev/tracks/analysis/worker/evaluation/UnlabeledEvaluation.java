package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.mode.SegmentFeatures;
import dev.tracks.analysis.worker.outlier.OutlierReason;
import dev.tracks.analysis.worker.track.Fixes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Part 2 of {@link Evaluation}: the chain's counts per unlabelled GeoLife user, and totals. */
final class UnlabeledEvaluation {

    /** Step speeds no ground transport in the data reaches: a remaining step this fast is a missed outlier. */
    static final double IMPLAUSIBLE_KMH = 400;

    private static final int READ = 0;
    private static final int FIXES = 1;
    private static final int STAYS = 2;
    private static final int TRIPLEGS = 3;
    private static final int TRIPS = 4;
    private static final int FAST_STEPS = 5;
    private static final int REASONS = 6;
    private static final int MODES = REASONS + OutlierReason.values().length;
    private static final int COLUMNS = MODES + FineMode.values().length;

    private UnlabeledEvaluation() {
    }

    static void report(Path folder) throws IOException {
        List<Path> users;
        try (Stream<Path> children = Files.list(folder)) {
            users = children.filter(Files::isDirectory).sorted().toList();
        }
        printHeader();
        long[] totals = new long[COLUMNS];
        double[] hours = new double[FineMode.values().length];
        StringBuilder fastSegments = new StringBuilder();
        for (Path user : users) {
            TrackFiles.Track track = TrackFiles.read(user, null);
            AnalysisChain.Result chain = AnalysisChain.run(track.fixes());
            long[] row = row(track, chain);
            printRow(user.getFileName().toString(), row);
            fastSegments.append(fastSegments(user.getFileName().toString(), chain));
            double[] userHours = Counts.hoursByMode(chain.segments());
            for (int i = 0; i < COLUMNS; i++) {
                totals[i] += row[i];
            }
            for (int i = 0; i < hours.length; i++) {
                hours[i] += userHours[i];
            }
        }
        printRow("**total**", totals);
        System.out.println("\n`rows` are PLT rows, `fixes` those accepted by the PLT reader (identical rows dropped);"
                + " `steps>400` counts steps between consecutive clean fixes faster than 400 km/h; outlier columns"
                + " count flagged fixes by reason; `seg X` counts movement segments by fine mode.\n");
        StringBuilder time = new StringBuilder("Movement-segment time by fine mode, all users (hours):");
        for (FineMode mode : FineMode.values()) {
            time.append(String.format(Locale.ROOT, " %s %.2f;", mode, hours[mode.ordinal()]));
        }
        System.out.println(time.append('\n'));
        System.out.println("| user | RAIL/AIRPLANE segment | s | m | median km/h | p95 km/h | max step km/h | turns/km"
                + " | stop spacing m | spacing CV | plateau CV | signal loss | fine |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        System.out.println(fastSegments);
    }

    /** Table rows of the segments classified RAIL or AIRPLANE, with their fastest step, to judge them by eye. */
    private static String fastSegments(String user, AnalysisChain.Result chain) {
        StringBuilder rows = new StringBuilder();
        for (MovementSegment segment : chain.segments()) {
            if (segment.fine() == FineMode.RAIL || segment.fine() == FineMode.AIRPLANE) {
                SegmentFeatures f = segment.features();
                rows.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.1f | %.1f | %.0f | %.2f | %.0f"
                        + " | %.2f | %.3f | %.2f | %s |%n", user, LabeledEvaluation.time(segment.startMillis()),
                        segment.durationMillis() / 1e3, segment.lengthMeters(), f.medianKmh(), f.p95Kmh(),
                        maxStepKmh(chain.clean(), segment.startMillis(), segment.endMillis()), f.turnsPerKm(),
                        f.stopSpacingMedianMeters(), f.stopSpacingCv(), f.plateauCv(), f.signalLossShare(),
                        segment.fine()));
            }
        }
        return rows.toString();
    }

    /** The fastest step between consecutive fixes with times in {@code [start, end]}. */
    static double maxStepKmh(Fixes fixes, long startMillis, long endMillis) {
        double max = 0;
        for (int i = 1; i < fixes.size(); i++) {
            long dt = fixes.time(i) - fixes.time(i - 1);
            if (dt > 0 && fixes.time(i - 1) >= startMillis && fixes.time(i) <= endMillis) {
                max = Math.max(max, stepKmh(fixes, i, dt));
            }
        }
        return max;
    }

    private static long fastSteps(Fixes fixes) {
        long count = 0;
        for (int i = 1; i < fixes.size(); i++) {
            long dt = fixes.time(i) - fixes.time(i - 1);
            if (dt > 0 && stepKmh(fixes, i, dt) > IMPLAUSIBLE_KMH) {
                count++;
            }
        }
        return count;
    }

    private static double stepKmh(Fixes fixes, int i, long dtMillis) {
        return Geodesy.distanceMeters(fixes.lat(i - 1), fixes.lon(i - 1), fixes.lat(i), fixes.lon(i))
                / dtMillis * 3600;
    }

    private static long[] row(TrackFiles.Track track, AnalysisChain.Result chain) {
        long[] row = new long[COLUMNS];
        row[READ] = track.rows();
        row[FIXES] = track.fixes().size();
        row[STAYS] = chain.stays().size();
        row[TRIPLEGS] = chain.triplegs().size();
        row[TRIPS] = chain.trips().size();
        row[FAST_STEPS] = fastSteps(chain.clean());
        System.arraycopy(Counts.byReason(chain.flags()), 0, row, REASONS, OutlierReason.values().length);
        System.arraycopy(Counts.segmentsByMode(chain.segments()), 0, row, MODES, FineMode.values().length);
        return row;
    }

    private static void printHeader() {
        StringBuilder header = new StringBuilder("| user | rows | fixes | stays | triplegs | trips | steps>400 |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|---:|---:|---:|");
        for (OutlierReason reason : OutlierReason.values()) {
            header.append(' ').append(reason).append(" |");
            rule.append("---:|");
        }
        for (FineMode mode : FineMode.values()) {
            header.append(" seg ").append(mode).append(" |");
            rule.append("---:|");
        }
        System.out.println(header);
        System.out.println(rule);
    }

    private static void printRow(String user, long[] row) {
        StringBuilder line = new StringBuilder("| ").append(user).append(" |");
        for (long value : row) {
            line.append(' ').append(value).append(" |");
        }
        System.out.println(line);
    }
}
