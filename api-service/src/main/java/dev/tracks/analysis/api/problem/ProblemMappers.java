package dev.tracks.analysis.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * Every error as application/problem+json: refused input (400, 415, 422), missing (404), conflicts (409), and
 * unreachable Kubernetes or PostgreSQL (503). Unexpected errors are logged and answered 500 without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The service's own answers; a 5xx is logged with its cause, for the operator who gets the call. */
    @ServerExceptionMapper
    public Response refused(ApiException e) {
        Response response = e.problem().toResponse();
        if (response.getStatus() >= 500) {
            LOG.warnf(e.getCause(), "answered %d: %s", response.getStatus(), e.getMessage());
        }
        return response;
    }

    /** JSON whose values do not fit the fields: an unknown field, a string for a number... */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return malformed(e);
    }

    /** A multipart body that cannot be parsed. */
    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "malformed multipart body", null).toResponse();
    }

    /**
     * A multipart body that ends before its closing boundary surfaces as an IOException of the parser (found by the
     * fuzzer); on any other request an IOException is the service's own failure.
     */
    @ServerExceptionMapper
    public Response io(IOException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed multipart body: " + e.getMessage(), null)
                    .toResponse();
        }
        LOG.errorf(e, "I/O failure");
        return Problem.of(500, "Internal Server Error", "an internal I/O error occurred").toResponse();
    }

    /** Malformed JSON, or JSON whose values do not fit the fields (a string for a number...). */
    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        JsonProblems.Refusal refusal = JsonProblems.of(e);
        return Problem.of(Response.Status.BAD_REQUEST, refusal.detail(), refusal.field()).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        Response response = e.getResponse();
        String detail = switch (response.getStatus()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "this endpoint answers application/json (problems: application/problem+json)";
            case 413 -> "request body too large";
            case 415 -> "unsupported content type: send application/json (uploads: multipart/form-data)";
            default -> e.getMessage();
        };
        Response.StatusType status = response.getStatusInfo();
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).toResponse();
    }

    /**
     * No HTTP answer (a refused or broken connection: the client reports code -1, not 0) or a 5xx is an unreachable
     * Kubernetes API; any other answer is a refusal.
     */
    @ServerExceptionMapper
    public Response kubernetes(KubernetesClientException e) {
        if (e.getCode() <= 0 || e.getCode() >= 500) {
            LOG.warnf("Kubernetes API unreachable: %s", e.getMessage());
            return Problem.of(503, "Service Unavailable", "the Kubernetes API cannot be reached; nothing was changed")
                    .toResponse();
        }
        LOG.errorf(e, "Kubernetes API refused a request");
        return Problem.of(502, "Bad Gateway", "the Kubernetes API refused the request: "
                + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage())).toResponse();
    }

    @ServerExceptionMapper
    public Response database(PersistenceException e) {
        LOG.warnf("database error: %s", e.getMessage());
        return databaseUnavailable();
    }

    /**
     * A failure inside QuarkusTransaction: the mirror writes with plain JDBC there, so PostgreSQL being unreachable
     * arrives as an SQLException wrapped by it (seen: creating a task answered 500 while PostgreSQL was down).
     */
    @ServerExceptionMapper
    public Response transaction(QuarkusTransactionException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException) {
                LOG.warnf("database error: %s", cause.getMessage());
                return databaseUnavailable();
            }
        }
        LOG.errorf(e, "transaction failed");
        return Problem.of(500, "Internal Server Error", "an internal error occurred").toResponse();
    }

    private static Response databaseUnavailable() {
        return Problem.of(503, "Service Unavailable", "the database cannot be reached; nothing was changed")
                .toResponse();
    }
}
