package dev.tracks.analysis.api;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * Callers of the admin API in the tests: a static admin token, and OIDC bearer tokens signed with a key pair made for
 * this test JVM, whose public key the service trusts (no identity provider can run here; the service verifies the
 * tokens' signature, expiry and roles exactly as it does with a provider's keys).
 */
public final class TestIdentities {

    public static final String ADMIN_TOKEN = "ci-admin-token-0123456789";
    public static final String ADMIN_ROLE = "tracks-admin";
    private static final KeyPair KEYS = generate();

    private TestIdentities() {
    }

    /** {@code Authorization} header value of the static token named "ci". */
    public static String adminToken() {
        return "Bearer " + ADMIN_TOKEN;
    }

    /** {@code Authorization} header value of an OIDC token for {@code subject} with {@code roles}. */
    public static String oidcToken(String subject, String... roles) {
        return "Bearer " + Jwt.subject(subject).upn(subject).groups(Set.of(roles)).issuer("https://idp.test")
                .expiresIn(300).sign(KEYS.getPrivate());
    }

    /** The configuration that makes the service trust the test tokens. */
    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
