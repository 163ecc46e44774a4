package dev.tracks.analysis.worker.evaluation;

import java.util.Locale;

/**
 * A weighted confusion matrix over the constants of an enum: rows are the expected (labelled) class, columns the
 * predicted class plus a last column "none" for labelled weight that no prediction covers (a stay, a gap, or fixes
 * outside every movement segment). Weights are seconds or fix counts.
 */
final class ConfusionMatrix<E extends Enum<E>> {

    private final E[] classes;
    private final double[][] weights;

    ConfusionMatrix(Class<E> type) {
        classes = type.getEnumConstants();
        weights = new double[classes.length][classes.length + 1];
    }

    /** Adds {@code weight} to the cell of {@code expected} and {@code predicted} (null: no prediction). */
    void add(E expected, E predicted, double weight) {
        weights[expected.ordinal()][predicted == null ? classes.length : predicted.ordinal()] += weight;
    }

    double total() {
        double total = 0;
        for (double[] row : weights) {
            for (double weight : row) {
                total += weight;
            }
        }
        return total;
    }

    double correct() {
        double correct = 0;
        for (int i = 0; i < classes.length; i++) {
            correct += weights[i][i];
        }
        return correct;
    }

    /** Weight without any prediction. */
    double uncovered() {
        double uncovered = 0;
        for (double[] row : weights) {
            uncovered += row[classes.length];
        }
        return uncovered;
    }

    /** Correct over all labelled weight (uncovered weight counts as wrong); NaN when empty. */
    double accuracy() {
        return correct() / total();
    }

    /** Correct over the labelled weight that has a prediction; NaN when none has. */
    double accuracyOfPredicted() {
        return correct() / (total() - uncovered());
    }

    /** Correct weight of a class over all weight predicted as it; NaN when nothing is. */
    double precision(E type) {
        double predicted = 0;
        for (double[] row : weights) {
            predicted += row[type.ordinal()];
        }
        return weights[type.ordinal()][type.ordinal()] / predicted;
    }

    /** Correct weight of a class over all weight labelled as it (uncovered counts as missed); NaN when none is. */
    double recall(E type) {
        double labelled = 0;
        for (double weight : weights[type.ordinal()]) {
            labelled += weight;
        }
        return weights[type.ordinal()][type.ordinal()] / labelled;
    }

    /** A Markdown table of precision and recall per class that is labelled or predicted. */
    String precisionRecallMarkdown() {
        StringBuilder table = new StringBuilder("| class | precision | recall |\n|---|---:|---:|\n");
        for (E type : classes) {
            double precision = precision(type);
            double recall = recall(type);
            if (!Double.isNaN(precision) || !Double.isNaN(recall)) {
                table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", type.name(), precision, recall));
            }
        }
        return table.toString();
    }

    /** A Markdown table: the rows that carry weight, all columns, weights with {@code format} (e.g. "%.0f"). */
    String toMarkdown(String format) {
        StringBuilder table = new StringBuilder("| label \\ predicted |");
        StringBuilder rule = new StringBuilder("|---|");
        for (E predicted : classes) {
            table.append(' ').append(predicted.name()).append(" |");
            rule.append("---:|");
        }
        table.append(" none |\n").append(rule).append("---:|\n");
        for (int i = 0; i < classes.length; i++) {
            double rowTotal = 0;
            for (double weight : weights[i]) {
                rowTotal += weight;
            }
            if (rowTotal == 0) {
                continue;
            }
            table.append("| ").append(classes[i].name()).append(" |");
            for (double weight : weights[i]) {
                table.append(' ').append(String.format(Locale.ROOT, format, weight)).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }
}
