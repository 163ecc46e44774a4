package dev.tracks.analysis.api.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Authorization: Bearer <token>} with one of the configured static tokens: the caller gets the admin role.
 * Any other bearer token is left to the OIDC mechanism (when enabled), which checks it against the identity
 * provider; without a valid credential the admin API answers 401.
 */
@ApplicationScoped
public class StaticTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final StaticTokens tokens;
    private final String adminRole;

    StaticTokenMechanism(@ConfigProperty(name = "tracks.api.tokens", defaultValue = "") String tokens,
                         @ConfigProperty(name = "tracks.api.admin-role") String adminRole) {
        this.tokens = StaticTokens.parse(tokens);
        this.adminRole = adminRole;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (tokens.isEmpty() || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return Uni.createFrom().optional(tokens.nameOf(header.substring(BEARER.length()).trim())
                .map(name -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("token:" + name))
                        .addRole(adminRole)
                        .build()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** Before OIDC: a static token is checked locally, without a call to the identity provider. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
