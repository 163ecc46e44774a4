package dev.tracks.analysis.api.routes;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The API's routes, read from the JAX-RS resources' annotations: each template as Quarkus names it in the
 * {@code uri} tag of {@code http_server_requests} (the class's {@code @Path} joined with the method's, e.g.
 * {@code /api/admin/analysis/tasks/{id}}) with the HTTP methods it has.
 */
@Singleton
public class Routes {

    private final Map<String, Set<String>> methodsByTemplate;

    Routes(BeanManager beans) {
        this.methodsByTemplate = of(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass).toList());
    }

    public Set<String> templates() {
        return methodsByTemplate.keySet();
    }

    /** The methods of the route a concrete path takes, if one does. */
    public Optional<Set<String>> methodsOf(String path) {
        String normalized = normalize(path);
        return methodsByTemplate.entrySet().stream().filter(route -> matches(route.getKey(), normalized))
                .map(Map.Entry::getValue).findFirst();
    }

    private static Map<String, Set<String>> of(Collection<Class<?>> resources) {
        Map<String, Set<String>> routes = new TreeMap<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                Optional<String> httpMethod = httpMethod(method);
                if (httpMethod.isPresent()) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = normalize(root.value() + (sub == null ? "" : "/" + sub.value()));
                    routes.computeIfAbsent(template, t -> new TreeSet<>()).add(httpMethod.get());
                }
            }
        }
        return routes;
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String template, String path) {
        return Pattern.matches(Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"), path);
    }

    private static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
