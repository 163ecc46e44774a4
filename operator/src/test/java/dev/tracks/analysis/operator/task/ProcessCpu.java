package dev.tracks.analysis.operator.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM (the benchmark's client and the node agent) and by each process it started (etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler and the operator, the only Java child), by name. Two
 * readings subtract to where the CPU went in between; processes that ended (the pods' commands) are not counted.
 */
record ProcessCpu(Map<String, Duration> byProcess) {

    static ProcessCpu read() {
        Map<String, Duration> used = new HashMap<>();
        Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .forEach(process -> process.info().totalCpuDuration().ifPresent(cpu ->
                        used.merge(name(process), cpu, Duration::plus)));
        return new ProcessCpu(used);
    }

    ProcessCpu since(ProcessCpu earlier) {
        Map<String, Duration> difference = new HashMap<>();
        byProcess.forEach((name, cpu) -> difference.put(name,
                cpu.minus(earlier.byProcess.getOrDefault(name, Duration.ZERO))));
        return new ProcessCpu(difference);
    }

    /** The CPU seconds of the processes with these names. */
    double secondsOf(String... names) {
        return Stream.of(names).map(name -> byProcess.getOrDefault(name, Duration.ZERO))
                .mapToDouble(ProcessCpu::seconds).sum();
    }

    /** E.g. {@code CPU seconds: kube-apiserver 10.1, etcd 3.2, ...}, most first, with the share of the window. */
    String over(double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        double total = byProcess.values().stream().mapToDouble(ProcessCpu::seconds).sum();
        return String.format("CPU seconds (%.1f of the %.1f the %d cores had): ", total, seconds * cores, cores)
                + byProcess.entrySet().stream()
                .filter(entry -> seconds(entry.getValue()) >= 0.05)
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .map(entry -> String.format("%s %.1f", entry.getKey(), seconds(entry.getValue())))
                .collect(Collectors.joining(", "));
    }

    private static String name(ProcessHandle process) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return "benchmark JVM (client, node agent)";
        }
        String command = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("other");
        return command.equals("java") ? "operator" : command;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
