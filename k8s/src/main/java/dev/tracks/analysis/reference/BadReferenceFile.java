package dev.tracks.analysis.reference;

/**
 * A reference file that cannot be loaded: {@link #where()} names the feature or line, {@link #problem()} says what is
 * wrong and what is allowed. A load that meets one writes nothing (its transaction is rolled back).
 */
public final class BadReferenceFile extends RuntimeException {

    private final String where;
    private final String problem;

    public BadReferenceFile(String where, String problem) {
        super(where + ": " + problem);
        this.where = where;
        this.problem = problem;
    }

    /** E.g. "feature 12", "line 7", "file". */
    public String where() {
        return where;
    }

    public String problem() {
        return problem;
    }
}
