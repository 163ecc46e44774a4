package dev.tracks.analysis.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail: what went wrong, in one sentence a caller can act on, and for invalid input the
 * offending field ({@code field}, an extension member), e.g. {@code params.distThresholdMeters}. A value the detail
 * quotes back is shortened (see {@link EchoedValues}): a megabyte sent is not a megabyte answered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json).")
public record Problem(
        @Schema(description = "Always about:blank: the status says what kind of problem it is.") String type,
        String title,
        int status,
        @Schema(description = "What went wrong, in a sentence a caller can act on.") String detail,
        @Schema(description = "The offending field or query parameter, for invalid input, e.g."
                + " params.distThresholdMeters, depends_on[0], limit.", nullable = true) String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        detail = EchoedValues.shorten(detail);
    }

    public static Problem of(Response.Status status, String detail, String field) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, field);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }

    /** The detail prefixed by the field it names, if any: how a page without a field of its own shows the refusal. */
    public String fieldAndDetail() {
        return (field == null ? "" : field + ": ") + detail;
    }
}
