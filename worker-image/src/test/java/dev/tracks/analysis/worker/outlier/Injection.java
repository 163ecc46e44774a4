package dev.tracks.analysis.worker.outlier;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/** A copy of generated fixes with outliers injected at known indexes: moved positions, bad accuracy, duplicates. */
final class Injection {

    /** The id of a fix added by {@link #duplicateAfter}. */
    static final long DUPLICATE_ID = 1_000_000;

    private final Fixes source;
    private final double[][] positions;
    private final double[] accuracies;
    private int duplicateOf = -1;
    private double[] duplicatePosition;

    Injection(Fixes source) {
        this.source = source;
        this.positions = new double[source.size()][];
        this.accuracies = new double[source.size()];
        for (int i = 0; i < source.size(); i++) {
            positions[i] = new double[] {source.lat(i), source.lon(i)};
            accuracies[i] = source.accuracy(i);
        }
    }

    /** Moves fix {@code index} {@code meters} from where it was, on {@code bearing}. */
    void moveBy(int index, double bearing, double meters) {
        positions[index] = Geodesy.destination(source.lat(index), source.lon(index), bearing, meters);
    }

    void moveTo(int index, double[] position) {
        positions[index] = position;
    }

    void accuracy(int index, double meters) {
        accuracies[index] = meters;
    }

    /** Adds a fix with id {@link #DUPLICATE_ID} and the same time right after fix {@code index}. */
    void duplicateAfter(int index, double[] position) {
        duplicateOf = index;
        duplicatePosition = position;
    }

    Fixes fixes() {
        Fixes fixes = new Fixes(source.size() + 1);
        for (int i = 0; i < source.size(); i++) {
            fixes.add(source.id(i), source.time(i), positions[i][0], positions[i][1], source.altitude(i),
                    accuracies[i]);
            if (i == duplicateOf) {
                fixes.add(DUPLICATE_ID, source.time(i), duplicatePosition[0], duplicatePosition[1], Double.NaN,
                        Double.NaN);
            }
        }
        return fixes;
    }
}
