package dev.tracks.analysis.api.problem;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/** A request the API refuses, with the problem to answer. */
public final class ApiException extends RuntimeException {

    private final transient Problem problem;

    private ApiException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** 422: a value the API understood but does not accept; names the field. */
    public static ApiException invalid(String field, String detail) {
        return new ApiException(new Problem("about:blank", "Unprocessable Content", 422, detail, field));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(Response.Status.NOT_FOUND, detail, null));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Problem.of(Response.Status.CONFLICT, detail, null));
    }

    /** 413: an upload above the configured size limit. */
    public static ApiException tooLarge(String field, String detail) {
        return new ApiException(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, detail, field));
    }

    /** 400: a malformed request (bad query parameter syntax), naming the parameter. */
    public static ApiException badRequest(String field, String detail) {
        return new ApiException(Problem.of(Response.Status.BAD_REQUEST, detail, field));
    }

    /**
     * A failed database statement: 503 with {@code detail} when PostgreSQL cannot be reached (or refuses connections
     * for now), which another attempt may mend; any other failure is the service's own, 500 without internals. Both
     * are logged with their cause.
     */
    public static ApiException database(String detail, SQLException cause) {
        if (isUnreachable(cause)) {
            return unavailable(detail, cause);
        }
        ApiException exception = new ApiException(Problem.of(500, "Internal Server Error",
                "an internal error occurred"));
        exception.initCause(cause);
        return exception;
    }

    /** SQLSTATE classes 08 (connection), 53 (insufficient resources) and 57P (shutdown, cannot connect now). */
    private static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
    }

    /** 503: a dependency (Kubernetes, PostgreSQL) cannot be reached; nothing was changed. */
    public static ApiException unavailable(String detail, Throwable cause) {
        ApiException exception = new ApiException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail, null));
        exception.initCause(cause);
        return exception;
    }

    public Problem problem() {
        return problem;
    }
}
