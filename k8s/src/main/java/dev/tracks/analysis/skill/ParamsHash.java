package dev.tracks.analysis.skill;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of a skill's resolved parameters (the catalog's defaults included), kept with each user's watermark
 * so that an incremental run with other parameters recomputes the user instead of mixing results: SHA-256 of the
 * parameters as canonical JSON (names sorted, numbers by value, so that 100 and 100.0 are one setting). The worker
 * and the admin API's dry run compute it alike.
 */
public final class ParamsHash {

    private ParamsHash() {
    }

    /** The hash of the parameters a run of {@code skill} with the given ones uses; call with valid parameters. */
    public static String of(Skill skill, Map<String, ?> given) {
        return of(SkillCatalog.definition(skill).resolve(given));
    }

    /** The hash of already resolved parameters. */
    public static String of(Map<String, ?> resolved) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(resolved).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A flat JSON object with the names in order and each value in one spelling. */
    static String canonicalJson(Map<String, ?> values) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, ?> entry : new TreeMap<>(values).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, entry.getKey());
            json.append(':');
            value(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number number) {
            json.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else if (value instanceof Boolean bool) {
            json.append(bool);
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
