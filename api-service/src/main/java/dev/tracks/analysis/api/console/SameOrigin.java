package dev.tracks.analysis.api.console;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The console's defence against cross-site request forgery, besides its SameSite=Strict cookie (which an old browser
 * or a same-site but cross-origin page would not honour): a request that changes something (any method but GET, HEAD,
 * OPTIONS) must come from a page of the console's own origin. Browsers send {@code Origin} with every such request
 * (Referer where an old one does not); its host and port must be the request's {@code Host}. When the console's
 * cookie is the credential, a request without either header is refused too; a caller with its own Authorization
 * header carries no ambient credential and is not checked.
 */
final class SameOrigin {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private SameOrigin() {
    }

    /** Why the request is refused, or empty when it may pass. */
    static Optional<String> refusal(String method, String origin, String referer, String host,
                                    boolean cookieIsTheCredential) {
        if (SAFE_METHODS.contains(method)) {
            return Optional.empty();
        }
        String source = origin != null && !origin.equals("null") ? origin : referer;
        if (source == null || source.isBlank()) {
            return cookieIsTheCredential ? Optional.of("refused: a " + method + " with the console's cookie must say"
                    + " where it comes from (Origin or Referer header)") : Optional.empty();
        }
        String from = authority(source);
        if (from == null || !from.equalsIgnoreCase(host)) {
            return Optional.of("refused: a " + method + " from " + source + " to the console at " + host
                    + " (only the console's own pages may post to it)");
        }
        return Optional.empty();
    }

    /** host[:port] of an origin or URL, as a Host header writes it (no port when the scheme's default). */
    private static String authority(String url) {
        try {
            return URI.create(url.trim()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
