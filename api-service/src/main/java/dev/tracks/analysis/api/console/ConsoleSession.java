package dev.tracks.analysis.api.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * The console's login: the token a user pasted (a static admin token or an OIDC access token) is kept in an HttpOnly
 * cookie scoped to {@value #PATH}, and each console request presents it as {@code Authorization: Bearer} to the same
 * mechanisms that guard the admin API. Nothing else changes: the admin API under /api never reads the cookie, and a
 * request that brings its own Authorization header keeps it. SameSite=Strict keeps the cookie off cross-site
 * requests, so another site cannot post the console's forms with it, and a request that changes something must come
 * from the console's own origin ({@link SameOrigin}); script cannot read the cookie (HttpOnly).
 */
@ApplicationScoped
public class ConsoleSession {

    static final String PATH = "/console";
    static final String COOKIE = "tracks_console_token";
    private static final String BEARER = "Bearer ";
    /** Before the security handlers, which read the header when a console resource checks the caller's role. */
    private static final int PRIORITY = 1000;
    private static final int FORBIDDEN = 403;

    void presentCookieAsBearer(@Observes Filters filters) {
        filters.register(context -> {
            HttpServerRequest request = context.request();
            if (!isConsole(request.path())) {
                context.next();
                return;
            }
            Cookie token = request.getCookie(COOKIE);
            boolean cookieIsTheCredential = token != null && !token.getValue().isBlank()
                    && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
            Optional<String> refusal = SameOrigin.refusal(request.method().name(), request.getHeader(HttpHeaders.ORIGIN),
                    request.getHeader(HttpHeaders.REFERER), request.getHeader(HttpHeaders.HOST), cookieIsTheCredential);
            if (refusal.isPresent()) {
                context.response().setStatusCode(FORBIDDEN).putHeader(HttpHeaders.CONTENT_TYPE,
                        "text/plain; charset=utf-8").end(refusal.get());
                return;
            }
            if (cookieIsTheCredential) {
                request.headers().set(HttpHeaders.AUTHORIZATION, BEARER + token.getValue());
            }
            context.next();
        }, PRIORITY);
    }

    static boolean isConsole(String path) {
        return path != null && (path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    /** The login cookie; Secure when the console is reached over https (a cluster's ingress). */
    static NewCookie login(String token, boolean secure) {
        return cookie(token, secure).build();
    }

    /** An expired cookie of the same name and path: the browser drops the token. */
    static NewCookie logout(boolean secure) {
        return cookie("", secure).maxAge(0).build();
    }

    private static NewCookie.Builder cookie(String value, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path(PATH).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure(secure);
    }
}
