package dev.tracks.analysis.task;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a Kubernetes quantity ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}), parsed strictly by the
 * grammar of k8s.io/apimachinery's resource.Quantity: an optional sign, digits with an optional fraction, then at most
 * one suffix (binary Ki..Ei, decimal n u m k M G T P E, or an integer exponent e/E). fabric8's {@code Quantity} keeps
 * any text ("abc", "1 Gi"), so its value cannot be trusted before this check.
 *
 * <p>Slightly stricter than the Go parser, which also takes a lone sign or a lone dot as zero.
 */
public final class KubernetesQuantity {

    private static final String NUMBER = "[0-9]+([.][0-9]*)?|[.][0-9]+";
    private static final String BINARY_SUFFIX = "[KMGTPE]i";
    private static final String DECIMAL_SUFFIX = "[numkMGTPE]";
    private static final String EXPONENT = "[+-]?[0-9]+";

    /** The grammar as the CRD's OpenAPI pattern (no backslashes, so it sits in JSON and YAML as it is). */
    public static final String PATTERN = "^[+-]?(" + NUMBER + ")((" + BINARY_SUFFIX + ")|" + DECIMAL_SUFFIX
            + "|([eE]" + EXPONENT + "))?$";

    /** The longest text taken; it bounds the cost of the CRD's CEL rules. */
    public static final int MAX_LENGTH = 64;

    /** What a quantity looks like, for error messages. */
    public static final String EXAMPLES = "a Kubernetes quantity of at most " + MAX_LENGTH
            + " characters such as 500m, 2, 512Mi, 1.5Gi or 1e3";

    private static final Pattern QUANTITY = Pattern.compile("(?<sign>[+-]?)(?<number>" + NUMBER + ")"
            + "((?<binary>" + BINARY_SUFFIX + ")|(?<decimal>" + DECIMAL_SUFFIX + ")|[eE](?<exponent>" + EXPONENT
            + "))?");

    private static final Map<String, Integer> BINARY_EXPONENTS = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40,
            "Pi", 50, "Ei", 60);

    private static final Map<String, Integer> DECIMAL_EXPONENTS = Map.of("n", -9, "u", -6, "m", -3, "k", 3,
            "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);

    private KubernetesQuantity() {
    }

    /** The exact value of {@code text}; empty when it is not a quantity (also when longer than {@link #MAX_LENGTH} or
     * with an exponent beyond any use). */
    public static Optional<BigDecimal> value(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher quantity = QUANTITY.matcher(text);
        if (!quantity.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(quantity.group("number"));
        if (quantity.group("binary") != null) {
            int power = BINARY_EXPONENTS.get(quantity.group("binary"));
            value = value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(power)));
        } else if (quantity.group("decimal") != null) {
            value = value.scaleByPowerOfTen(DECIMAL_EXPONENTS.get(quantity.group("decimal")));
        } else if (quantity.group("exponent") != null) {
            try {
                value = value.scaleByPowerOfTen(Integer.parseInt(quantity.group("exponent")));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.of("-".equals(quantity.group("sign")) ? value.negate() : value);
    }
}
