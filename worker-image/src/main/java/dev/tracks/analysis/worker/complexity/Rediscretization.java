package dev.tracks.analysis.worker.complexity;

import java.util.Arrays;

/**
 * trajr {@code TrajRediscretize} (after the appendix of Bovet & Benhamou 1988), in buffers reused from trip to trip:
 * from the first position, the next point lies at exactly the step length from the last one placed, on the segment
 * that ends at the first original position at least a step length away (the forward intersection of that segment's
 * line with the circle of radius step around the last point); the walk ends when no position is that far. As in
 * trajr, the path may leave and re-enter the circle between two positions without a point being placed.
 */
final class Rediscretization {

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int count;
    private double lastX;
    private double lastY;

    /** Rediscretizes the path forwards and keeps the points ({@link #count}, {@link #x}, {@link #y}). */
    int rediscretize(PlanarPath path, double step) {
        walk(path, step, false, true);
        return count;
    }

    /**
     * The length of the path measured with dividers of {@code step} (trajr {@code TrajFractalDimensionValues} with
     * {@code adjustD}): the rediscretized length plus the beeline from its last point to the path's end (Nams 2006);
     * NaN when not even one divider step fits. {@code reverse} walks from the end (trajr {@code dMean}).
     */
    double dividerLength(PlanarPath path, double step, boolean reverse) {
        walk(path, step, reverse, false);
        if (count < 2) {
            return Double.NaN;
        }
        int end = reverse ? 0 : path.size() - 1;
        return (count - 1) * step + Math.sqrt(square(path.x(end) - lastX) + square(path.y(end) - lastY));
    }

    int count() {
        return count;
    }

    double x(int index) {
        return xs[index];
    }

    double y(int index) {
        return ys[index];
    }

    private void walk(PlanarPath path, double step, boolean reverse, boolean keep) {
        int n = path.size();
        count = 0;
        if (n == 0) {
            return;
        }
        double stepSquared = step * step;
        double currentX = path.x(reverse ? n - 1 : 0);
        double currentY = path.y(reverse ? n - 1 : 0);
        place(currentX, currentY, keep);
        int j = 1;
        while (j < n) {
            int k = -1;
            for (int i = j; i < n; i++) {
                int at = reverse ? n - 1 - i : i;
                if (square(path.x(at) - currentX) + square(path.y(at) - currentY) >= stepSquared) {
                    k = i;
                    break;
                }
            }
            if (k < 0) {
                break;
            }
            j = k;
            int from = reverse ? n - k : k - 1;
            int to = reverse ? n - 1 - k : k;
            double segmentX = path.x(to) - path.x(from);
            double segmentY = path.y(to) - path.y(from);
            double segmentLength = Math.sqrt(segmentX * segmentX + segmentY * segmentY);
            double cos = segmentX / segmentLength;
            double sin = segmentY / segmentLength;
            double offsetX = currentX - path.x(from);
            double offsetY = currentY - path.y(from);
            double along = offsetX * cos + offsetY * sin;
            double across = offsetY * cos - offsetX * sin;
            double h = along + Math.sqrt(Math.abs(stepSquared - across * across));
            currentX = h * cos + path.x(from);
            currentY = h * sin + path.y(from);
            place(currentX, currentY, keep);
        }
    }

    private void place(double x, double y, boolean keep) {
        if (keep) {
            if (count == xs.length) {
                xs = Arrays.copyOf(xs, 2 * count);
                ys = Arrays.copyOf(ys, 2 * count);
            }
            xs[count] = x;
            ys[count] = y;
        }
        count++;
        lastX = x;
        lastY = y;
    }

    private static double square(double value) {
        return value * value;
    }
}
