package dev.tracks.analysis.reference;

import java.util.Optional;

/**
 * An option of a reference load (or its kind) that is not accepted: {@link #option()} names it (empty: the kind),
 * {@link #problem()} says what is wrong and what is allowed. Thrown before anything is read or written.
 */
public final class BadReferenceOption extends RuntimeException {

    private final transient ReferenceOption option;
    private final String problem;

    public BadReferenceOption(ReferenceOption option, String problem) {
        super((option == null ? "kind" : option.apiName()) + ": " + problem);
        this.option = option;
        this.problem = problem;
    }

    /** The kind itself is not accepted. */
    public static BadReferenceOption ofKind(String problem) {
        return new BadReferenceOption(null, problem);
    }

    /** The option refused; empty when it is the kind. */
    public Optional<ReferenceOption> option() {
        return Optional.ofNullable(option);
    }

    public String problem() {
        return problem;
    }
}
