package dev.tracks.analysis.api.routes;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Allow} lists exactly the methods of the route a path takes, on a 405 (RFC 9110 requires it there) and on
 * the answer to OPTIONS: RESTEasy Reactive leaves it out of its 405 and, for OPTIONS, lists the methods of every
 * route of the resource class (DELETE for /tasks, which only /tasks/{id} has).
 */
public class AllowedMethods {

    private final Routes routes;

    AllowedMethods(Routes routes) {
        this.routes = routes;
    }

    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 405 && !HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        routes.methodsOf(request.getUriInfo().getPath()).ifPresent(methods -> {
            Set<String> allowed = new TreeSet<>(methods);
            allowed.add(HttpMethod.OPTIONS);
            if (allowed.contains(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD);
            }
            response.getHeaders().putSingle(HttpHeaders.ALLOW, String.join(", ", allowed));
        });
    }
}
