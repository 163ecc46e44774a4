package dev.tracks.analysis.api.metrics;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route templates of JAX-RS resources as Quarkus names them in the {@code uri} tag of
 * {@code http_server_requests}: the class's {@code @Path} joined with each method's, e.g.
 * {@code /api/admin/analysis/tasks/{id}}.
 */
final class RouteTemplates {

    private RouteTemplates() {
    }

    static Set<String> of(Collection<Class<?>> resources) {
        Set<String> templates = new TreeSet<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            templates.add(normalize(root.value()));
            for (Method method : resource.getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (sub != null) {
                    templates.add(normalize(root.value() + "/" + sub.value()));
                }
            }
        }
        return templates;
    }

    private static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
