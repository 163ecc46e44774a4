package dev.tracks.analysis.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The static admin tokens of a small install, configured as {@code name:token} pairs separated by commas (from a
 * Secret). A caller presenting a token is known by its name ({@code token:<name>}, the tasks' created_by). Tokens are
 * compared by their SHA-256 digests in constant time, so a timing difference tells nothing about a token.
 */
final class StaticTokens {

    /** Tokens shorter than this are refused at start: they could be guessed. */
    static final int MIN_LENGTH = 16;

    private final Map<String, byte[]> digestsByName;

    private StaticTokens(Map<String, byte[]> digestsByName) {
        this.digestsByName = digestsByName;
    }

    static StaticTokens parse(String configured) {
        Map<String, byte[]> tokens = new LinkedHashMap<>();
        if (configured == null || configured.isBlank()) {
            return new StaticTokens(tokens);
        }
        for (String pair : configured.split(",")) {
            int colon = pair.indexOf(':');
            String name = colon < 0 ? "" : pair.substring(0, colon).trim();
            String token = colon < 0 ? "" : pair.substring(colon + 1).trim();
            if (name.isEmpty() || token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("tracks.api.tokens: each entry must be name:token with a token of"
                        + " at least " + MIN_LENGTH + " characters");
            }
            tokens.put(name, digest(token));
        }
        return new StaticTokens(tokens);
    }

    boolean isEmpty() {
        return digestsByName.isEmpty();
    }

    /** The name of the token, if it is one of them. */
    Optional<String> nameOf(String presented) {
        byte[] digest = digest(presented);
        String found = null;
        for (Map.Entry<String, byte[]> entry : digestsByName.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), digest)) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
