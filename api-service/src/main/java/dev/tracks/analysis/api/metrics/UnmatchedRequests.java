package dev.tracks.analysis.api.metrics;

import dev.tracks.analysis.api.routes.Routes;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * One {@code uri} tag value, {@value #UNMATCHED}, for every request that no route of the API took: Quarkus tags a
 * request with its route's template, but one that matched none (a method the path does not have, such as TRACE
 * /api/admin/analysis/tasks/5151) with its raw path, so that anyone could add tag values, and series, until
 * Micrometer's cap of 100 stopped recording {@code http_server_requests} for everyone. Unknown paths are already
 * tagged {@code NOT_FOUND} by Quarkus; refusals of unauthenticated callers carry their route's template (the admin
 * permission is checked once a route matched, see application.properties).
 */
public class UnmatchedRequests {

    static final String UNMATCHED = "UNMATCHED";
    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter unmatchedRequestsShareOneUri(Routes routes) {
        Set<String> templates = routes.templates();
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!id.getName().equals(HTTP_SERVER_REQUESTS) || uri == null || !uri.startsWith("/")
                        || templates.contains(uri)) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", UNMATCHED) : tag).toList());
            }
        };
    }
}
