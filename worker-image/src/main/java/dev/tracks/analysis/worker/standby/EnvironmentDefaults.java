package dev.tracks.analysis.worker.standby;

import java.lang.reflect.AnnotatedElement;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Resolves the options' {@code ${env:NAME}} and {@code ${env:NAME:-fallback}} defaults against a lookup of the
 * caller's choice, the way picocli resolves them against the process's environment (the fallback when NAME is unset;
 * no value at all when a lone {@code ${env:NAME}} is unset). A standby worker needs this because its environment
 * arrives after the JVM started, and picocli reads only {@link System#getenv}. The template comes from the option's
 * annotation, since {@link ArgSpec#defaultValue()} is already resolved; picocli interpolates what a provider returns,
 * so every {@code ${} of a value (in a JSON parameter, say) is escaped to stay as it is.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private static final String OPEN = "${env:";
    private static final String FALLBACK = ":-";

    private final UnaryOperator<String> lookup;

    EnvironmentDefaults(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    /** Resolves {@code commandLine}'s defaults (and its subcommands') through {@code lookup} from now on. */
    static void install(CommandLine commandLine, UnaryOperator<String> lookup) {
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(lookup));
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        String template = template(argument);
        if (template == null || !template.contains(OPEN)) {
            return null;
        }
        String value = resolve(template, lookup);
        return value == null ? null : value.replace("${", "$${");
    }

    /**
     * {@code template} with each {@code ${env:NAME}} replaced by NAME's value and each {@code ${env:NAME:-fallback}}
     * by NAME's value or, when NAME is unset, the fallback; null when the template is a lone unset {@code ${env:NAME}}.
     */
    static String resolve(String template, UnaryOperator<String> lookup) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int open = template.indexOf(OPEN); open >= 0; open = template.indexOf(OPEN, from)) {
            int close = closingBrace(template, open + OPEN.length());
            if (close < 0) {
                break;
            }
            out.append(template, from, open);
            String expression = template.substring(open + OPEN.length(), close);
            int fallbackAt = expression.indexOf(FALLBACK);
            String value = lookup.apply(fallbackAt < 0 ? expression : expression.substring(0, fallbackAt));
            if (value == null && fallbackAt >= 0) {
                value = resolve(expression.substring(fallbackAt + FALLBACK.length()), lookup);
            }
            if (value == null && open == 0 && close == template.length() - 1) {
                return null;
            }
            out.append(value == null ? "" : value);
            from = close + 1;
        }
        return out.append(template.substring(from)).toString();
    }

    /** The brace that closes the expression starting at {@code from}, counting the braces of a fallback like {}. */
    private static int closingBrace(String template, int from) {
        int depth = 0;
        for (int i = from; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The default as written on the annotated field, before any resolution; null when there is none. */
    private static String template(ArgSpec argument) {
        if (!(argument.userObject() instanceof AnnotatedElement element)) {
            return null;
        }
        Option option = element.getAnnotation(Option.class);
        if (option != null) {
            return option.defaultValue();
        }
        Parameters parameters = element.getAnnotation(Parameters.class);
        return parameters == null ? null : parameters.defaultValue();
    }
}
