package dev.tracks.analysis.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run-time part of an OCI image configuration ({@code config} in the image's config blob): what a container
 * runtime starts and as whom. Built up instruction by instruction by {@link ImageBuilder}, read back by
 * {@link OciImage}.
 */
public record ImageConfig(String user, List<String> env, List<String> entrypoint, List<String> cmd,
                          String workingDir, List<String> exposedPorts) {

    /** The Debian base's configuration: its PATH (as in Debian's own images), root, no command. */
    static ImageConfig debianBase() {
        return new ImageConfig("", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                List.of(), List.of(), "/", List.of());
    }

    /** The command a runtime runs when none is given: the entry point followed by the default arguments. */
    public List<String> command() {
        List<String> command = new ArrayList<>(entrypoint);
        command.addAll(cmd);
        return command;
    }

    ImageConfig withUser(String newUser) {
        return new ImageConfig(newUser, env, entrypoint, cmd, workingDir, exposedPorts);
    }

    /** ENV: a variable set again replaces its earlier value, in place. */
    ImageConfig withEnv(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>();
        env.forEach(entry -> merged.put(entry.substring(0, entry.indexOf('=')),
                entry.substring(entry.indexOf('=') + 1)));
        merged.putAll(variables);
        return new ImageConfig(user, merged.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                entrypoint, cmd, workingDir, exposedPorts);
    }

    /** ENTRYPOINT: as in Docker, it also clears a CMD set before it. */
    ImageConfig withEntrypoint(List<String> newEntrypoint) {
        return new ImageConfig(user, env, List.copyOf(newEntrypoint), List.of(), workingDir, exposedPorts);
    }

    ImageConfig withCmd(List<String> newCmd) {
        return new ImageConfig(user, env, entrypoint, List.copyOf(newCmd), workingDir, exposedPorts);
    }

    ImageConfig withWorkingDir(String directory) {
        return new ImageConfig(user, env, entrypoint, cmd, directory, exposedPorts);
    }

    /** EXPOSE 8080 or 8080/tcp, kept as "8080/tcp". */
    ImageConfig withExposedPorts(List<String> ports) {
        List<String> all = new ArrayList<>(exposedPorts);
        ports.stream().map(port -> port.contains("/") ? port : port + "/tcp").filter(port -> !all.contains(port))
                .forEach(all::add);
        return new ImageConfig(user, env, entrypoint, cmd, workingDir, List.copyOf(all));
    }

    /** The {@code config} object of the image configuration JSON. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("User", user);
        json.put("Env", env);
        if (!entrypoint.isEmpty()) {
            json.put("Entrypoint", entrypoint);
        }
        if (!cmd.isEmpty()) {
            json.put("Cmd", cmd);
        }
        json.put("WorkingDir", workingDir);
        if (!exposedPorts.isEmpty()) {
            Map<String, Object> ports = new TreeMap<>();
            exposedPorts.forEach(port -> ports.put(port, Map.of()));
            json.put("ExposedPorts", ports);
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    static ImageConfig fromJson(Map<String, Object> json) {
        return new ImageConfig((String) json.getOrDefault("User", ""),
                (List<String>) json.getOrDefault("Env", List.of()),
                (List<String>) json.getOrDefault("Entrypoint", List.of()),
                (List<String>) json.getOrDefault("Cmd", List.of()),
                (String) json.getOrDefault("WorkingDir", "/"),
                List.copyOf(((Map<String, Object>) json.getOrDefault("ExposedPorts", Map.of())).keySet()));
    }
}
