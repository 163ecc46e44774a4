package dev.tracks.analysis.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile's instructions as {@link ImageBuilder} and {@link DockerfileSources} read them: comments dropped,
 * continued lines ({@code \} at the end) joined, each instruction split into its keyword, its leading
 * {@code --flag=value} options and the rest.
 */
public record Dockerfile(List<Instruction> instructions) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FLAG = Pattern.compile("--([a-z-]+)=(\\S+)\\s+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|'[^']*'|\\S*)\\s*");

    /** One instruction: {@code COPY --chown=185 a b} is keyword COPY, flags {chown=185}, arguments "a b". */
    public record Instruction(String keyword, Map<String, String> flags, String arguments) {

        public Optional<String> flag(String name) {
            return Optional.ofNullable(flags.get(name));
        }

        /** The arguments split at white space (COPY's sources and destination, EXPOSE's ports). */
        public List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }

        /** The JSON-array (exec) form's elements, or the shell form run by {@code /bin/sh -c} (RUN, CMD, ...). */
        public List<String> command() {
            String text = arguments.trim();
            if (!text.startsWith("[")) {
                return List.of("/bin/sh", "-c", text);
            }
            try {
                return JSON.readValue(text, new TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(keyword + ": not a JSON array of strings: " + text, e);
            }
        }

        /** ENV's {@code NAME=value} pairs (values may be quoted with " or '), in order. */
        public Map<String, String> variables() {
            Map<String, String> variables = new LinkedHashMap<>();
            Matcher pair = ENV_PAIR.matcher(arguments.trim());
            int end = 0;
            while (pair.find() && pair.start() == end) {
                String value = pair.group(2);
                boolean quoted = value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"));
                variables.put(pair.group(1), quoted ? value.substring(1, value.length() - 1) : value);
                end = pair.end();
            }
            if (end != arguments.trim().length()) {
                throw new IllegalArgumentException(keyword + ": expected NAME=value pairs, got: " + arguments);
            }
            return variables;
        }
    }

    public static Dockerfile read(Path path) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(path)) {
            // As Docker joins them: a continued line loses its backslash, the next one is appended as it stands.
            String content = pending.isEmpty() ? line.strip() : line.stripTrailing();
            if (content.strip().startsWith("#") || (content.isBlank() && pending.isEmpty())) {
                continue;
            }
            if (content.endsWith("\\")) {
                pending.append(content, 0, content.length() - 1);
                continue;
            }
            pending.append(content);
            instructions.add(parse(pending.toString()));
            pending.setLength(0);
        }
        if (!pending.isEmpty()) {
            instructions.add(parse(pending.toString()));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    private static Instruction parse(String line) {
        String[] parts = line.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        Map<String, String> flags = new LinkedHashMap<>();
        Matcher flag = FLAG.matcher(rest);
        while (flag.lookingAt()) {
            flags.put(flag.group(1), flag.group(2));
            rest = rest.substring(flag.end());
            flag = FLAG.matcher(rest);
        }
        return new Instruction(parts[0].toUpperCase(), Map.copyOf(flags), rest);
    }

    /** The instructions of this keyword, in order. */
    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    /**
     * The base image FROM names, its ARG variables ({@code ${NAME}} or {@code $NAME}) replaced by {@code buildArgs}
     * or else by the ARG's default, as a build with {@code --build-arg} would.
     */
    public String from(Map<String, String> buildArgs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                Matcher variable = VARIABLE.matcher(instruction.words().get(0));
                return variable.replaceAll(match -> {
                    String name = match.group(1) != null ? match.group(1) : match.group(2);
                    if (!values.containsKey(name)) {
                        throw new IllegalArgumentException("FROM uses $" + name + ", which no ARG before it declares");
                    }
                    return Matcher.quoteReplacement(values.get(name));
                });
            }
            if (instruction.keyword().equals("ARG")) {
                String[] declaration = instruction.arguments().trim().split("=", 2);
                values.put(declaration[0], buildArgs.getOrDefault(declaration[0],
                        declaration.length > 1 ? declaration[1] : ""));
            }
        }
        throw new IllegalArgumentException("no FROM instruction");
    }
}
