package dev.tracks.analysis.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI runtime configuration ({@code config.json} of a runc bundle): the process, its user and capabilities, the
 * root filesystem and mounts, the namespaces. Two kinds: a build step (RUN: writable root, Docker's default
 * capabilities) and a pod's container (read-only root, a tmpfs /tmp standing in for the chart's emptyDir, no
 * capabilities, no privilege escalation: the chart's restricted security context).
 */
public record RuntimeSpec(Path rootfs, boolean readOnlyRoot, ImageUser user, List<String> args, List<String> env,
                          String cwd, List<String> capabilities, boolean hostNetwork,
                          List<Map<String, Object>> mounts) {

    /** What Docker grants a RUN step (and a container) by default. */
    private static final List<String> DOCKER_DEFAULT_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE",
            "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP",
            "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    /** A RUN instruction: the root filesystem being built, writable; no network (none is reachable anyway). */
    static RuntimeSpec buildStep(Path rootfs, ImageUser user, List<String> args, ImageConfig config) {
        return new RuntimeSpec(rootfs, false, user, args, config.env(), config.workingDir(),
                DOCKER_DEFAULT_CAPABILITIES, false, List.of());
    }

    /**
     * A container as the chart's pods run one: the image's user, a read-only root, a writable /tmp, no capabilities.
     * {@code hostNetwork}: the container shares the host's network (to reach the test's API server and database on
     * the loopback), else it has a network namespace of its own with only a loopback device.
     */
    public static RuntimeSpec pod(Path rootfs, ImageConfig config, List<String> args, Map<String, String> extraEnv,
                                  boolean hostNetwork) {
        List<String> env = new ArrayList<>(config.env());
        extraEnv.forEach((name, value) -> env.add(name + "=" + value));
        List<Map<String, Object>> mounts = List.of(Map.of("destination", "/tmp", "type", "tmpfs", "source", "tmpfs",
                "options", List.of("nosuid", "nodev", "mode=1777", "size=256m")));
        return new RuntimeSpec(rootfs, true, ImageUser.resolve(config.user(), rootfs), args, env,
                config.workingDir().isEmpty() ? "/" : config.workingDir(), List.of(), hostNetwork, mounts);
    }

    /** This spec with a file of the host bound read-only at {@code destination} (as kubelet binds /etc/hosts). */
    public RuntimeSpec withFile(Path source, String destination) {
        List<Map<String, Object>> more = new ArrayList<>(mounts);
        more.add(Map.of("destination", destination, "type", "bind", "source", source.toAbsolutePath().toString(),
                "options", List.of("rbind", "ro")));
        return new RuntimeSpec(rootfs, readOnlyRoot, user, args, env, cwd, capabilities, hostNetwork,
                List.copyOf(more));
    }

    /** The config.json content. */
    Map<String, Object> toJson(String hostname) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("terminal", false);
        process.put("user", Map.of("uid", user.uid(), "gid", user.gid()));
        process.put("args", args);
        process.put("env", env);
        process.put("cwd", cwd);
        process.put("capabilities", Map.of("bounding", capabilities, "effective", capabilities, "permitted",
                capabilities, "inheritable", List.of(), "ambient", List.of()));
        process.put("noNewPrivileges", true);

        List<Map<String, Object>> allMounts = new ArrayList<>(List.of(
                mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620")),
                mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")),
                mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                // A bind of the host's /sys rather than a new sysfs, which needs a network namespace of its own.
                mount("/sys", "none", "/sys", List.of("rbind", "nosuid", "noexec", "nodev", "ro"))));
        allMounts.addAll(mounts);

        List<Map<String, Object>> namespaces = new ArrayList<>();
        for (String type : hostNetwork ? List.of("pid", "ipc", "uts", "mount")
                : List.of("pid", "ipc", "uts", "mount", "network")) {
            namespaces.add(Map.of("type", type));
        }
        Map<String, Object> linux = new LinkedHashMap<>();
        linux.put("namespaces", namespaces);
        linux.put("maskedPaths", List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
                "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
                "/sys/firmware"));
        linux.put("readonlyPaths", List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ociVersion", "1.0.2");
        spec.put("process", process);
        spec.put("root", Map.of("path", rootfs.toAbsolutePath().toString(), "readonly", readOnlyRoot));
        spec.put("hostname", hostname);
        spec.put("mounts", allMounts);
        spec.put("linux", linux);
        return spec;
    }

    private static Map<String, Object> mount(String destination, String type, String source, List<String> options) {
        return Map.of("destination", destination, "type", type, "source", source, "options", options);
    }
}
