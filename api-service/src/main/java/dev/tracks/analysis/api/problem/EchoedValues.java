package dev.tracks.analysis.api.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values a problem detail quotes back to the caller ('...' or "..." in every refusal of this service and of the
 * catalog's validation), shortened to their first {@value #KEPT} characters with their length: enough to recognise
 * the value, while a megabyte sent as a skill name is not a megabyte answered (nor logged). A value with quotes of
 * its own can hide from that, so a detail is also cut at {@value #MAX_DETAIL} characters, far above the longest this
 * service writes (the list of known skills, about 600).
 */
final class EchoedValues {

    static final int KEPT = 64;
    static final int MAX_DETAIL = 2_000;
    /** A quoted run longer than KEPT characters; the quote on both ends is the same one. */
    private static final Pattern LONG_QUOTED = Pattern.compile("(['\"])([^'\"]{" + (KEPT + 1) + ",})\\1");

    private EchoedValues() {
    }

    static String shorten(String detail) {
        if (detail == null || detail.length() <= KEPT) {
            return detail;
        }
        Matcher quoted = LONG_QUOTED.matcher(detail);
        StringBuilder shortened = new StringBuilder();
        while (quoted.find()) {
            String quote = quoted.group(1);
            String value = quoted.group(2);
            quoted.appendReplacement(shortened, Matcher.quoteReplacement(quote + value.substring(0, KEPT) + "..."
                    + quote + " (" + value.length() + " characters)"));
        }
        quoted.appendTail(shortened);
        return shortened.length() <= MAX_DETAIL ? shortened.toString()
                : shortened.substring(0, MAX_DETAIL) + "... (" + shortened.length() + " characters)";
    }
}
