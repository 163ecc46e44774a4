package dev.tracks.analysis.api.security;

import dev.tracks.analysis.api.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as application/problem+json like every other error of the API; 401 keeps its
 * {@code WWW-Authenticate: Bearer} challenge. They reach these mappers because authentication is not proactive and
 * the admin permission applies to the JAX-RS resources (application.properties): without that, Quarkus refused the
 * request before any resource, with the challenge and an empty body. A page of the console (/console) sends the
 * browser to the console's login page instead (htmx follows HX-Redirect).
 */
public class AuthenticationProblems {

    private static final String CONSOLE = "/console";
    private static final String CONSOLE_LOGIN = "console/login";

    /** No credential, or one that no mechanism accepts (an unknown static token, an invalid OIDC token). */
    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = Priorities.AUTHENTICATION)
    public Response unauthenticated(UriInfo uri, HttpHeaders headers) {
        String path = uri.getRequestUri().getPath();
        if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/")) {
            // A token was presented (the console's cookie) and refused: the login page says so.
            boolean refused = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
            URI login = refused ? uri.getBaseUriBuilder().path(CONSOLE_LOGIN).queryParam("expired", "true").build()
                    : uri.getBaseUriBuilder().path(CONSOLE_LOGIN).build();
            return headers.getHeaderString("HX-Request") != null
                    ? Response.status(Response.Status.UNAUTHORIZED).header("HX-Redirect", login).build()
                    : Response.seeOther(login).build();
        }
        Response problem = Problem.of(Response.Status.UNAUTHORIZED, "a valid bearer token is required: one of the"
                + " static admin tokens or an OIDC access token", null).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A known caller without the admin role. */
    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "the caller lacks the admin role", null).toResponse();
    }
}
