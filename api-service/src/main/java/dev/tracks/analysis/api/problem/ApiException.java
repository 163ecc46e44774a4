package dev.tracks.analysis.api.problem;

import jakarta.ws.rs.core.Response;

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
