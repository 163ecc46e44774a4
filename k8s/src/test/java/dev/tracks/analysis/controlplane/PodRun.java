package dev.tracks.analysis.controlplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One pod on the {@link NodeAgent}: its containers as local processes, from start to the final pod status. */
final class PodRun {

    private static final int TAIL_LINES = 80;
    private static final int MESSAGE_LIMIT = 4096;

    private final KubernetesClient client;
    private final Pod pod;
    private final Path podsDirectory;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Deque<String>> tails = new LinkedHashMap<>();
    /** Each container's output reader: joined after its process ends, so that the tail holds the last lines. */
    private final Map<String, Thread> readers = new LinkedHashMap<>();
    private volatile boolean killed;

    PodRun(KubernetesClient client, Pod pod, Path podsDirectory) {
        this.client = client;
        this.pod = pod;
        this.podsDirectory = podsDirectory;
    }

    boolean isPod(String namespace, String name) {
        return pod.getMetadata().getNamespace().equals(namespace) && pod.getMetadata().getName().equals(name);
    }

    synchronized Optional<ProcessHandle> process(String container) {
        return Optional.ofNullable(processes.get(container)).map(Process::toHandle);
    }

    /** Runs the pod to its end; true when it could not start yet and should be tried again later. */
    boolean run() {
        List<Container> containers = pod.getSpec().getContainers();
        if (!pod.getSpec().getInitContainers().isEmpty()) {
            fail("init containers are not supported by the test node agent");
            return false;
        }
        Optional<Container> withoutCommand = containers.stream().filter(c -> c.getCommand().isEmpty()).findFirst();
        if (withoutCommand.isPresent()) {
            fail("container " + withoutCommand.get().getName()
                    + " has no command: the test node agent runs commands, not images");
            return false;
        }
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        try {
            PodEnvironment environment = new PodEnvironment(client, pod);
            containers.forEach(c -> environments.put(c.getName(), environment.resolve(c)));
        } catch (PodEnvironment.ContainerConfigException e) {
            // As the kubelet: stay Pending and try again later (the informer's resync brings the pod back).
            writeStatus(NodeAgent.status(pod, "Pending", containers.stream()
                    .map(c -> NodeAgent.waiting(c, "CreateContainerConfigError", e.getMessage())).toList(), null));
            return true;
        }
        Instant started = Instant.now();
        try {
            for (Container container : containers) {
                start(container, environments.get(container.getName()));
            }
        } catch (IOException e) {
            kill();
            fail("cannot start process: " + e.getMessage());
            return false;
        }
        writeStatus(NodeAgent.status(pod, "Running", containers.stream()
                .map(c -> running(c, started)).toList(), null));
        List<ContainerStatus> finished = new ArrayList<>();
        boolean allSucceeded = true;
        for (Container container : containers) {
            int exitCode = waitFor(processes.get(container.getName()));
            drainOutput(container);
            allSucceeded &= exitCode == 0;
            finished.add(terminated(container, exitCode, started));
        }
        if (!killed) {
            writeStatus(NodeAgent.status(pod, allSucceeded ? "Succeeded" : "Failed", finished, null));
        }
        return false;
    }

    /** Ends the processes as the kubelet would: SIGTERM, the grace period (at most 5 s here), then SIGKILL. */
    void kill() {
        killed = true;
        List<Process> all;
        synchronized (this) {
            all = List.copyOf(processes.values());
        }
        for (Process process : all) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        long graceSeconds = Math.min(5,
                Optional.ofNullable(pod.getSpec().getTerminationGracePeriodSeconds()).orElse(30L));
        for (Process process : all) {
            try {
                if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void start(Container container, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(PodEnvironment.expandAll(container.getCommand(), env));
        command.addAll(PodEnvironment.expandAll(container.getArgs(), env));
        Path workingDirectory = podsDirectory.resolve(pod.getMetadata().getNamespace())
                .resolve(pod.getMetadata().getName()).resolve(container.getName());
        Files.createDirectories(workingDirectory);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(container.getWorkingDir() != null && Files.isDirectory(Path.of(container.getWorkingDir()))
                        ? Path.of(container.getWorkingDir()).toFile() : workingDirectory.toFile());
        // A container does not inherit the host's environment; PATH and JAVA_HOME let it find its runtime.
        Map<String, String> processEnv = builder.environment();
        processEnv.clear();
        processEnv.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        processEnv.put("JAVA_HOME", System.getProperty("java.home"));
        processEnv.put("HOME", workingDirectory.toString());
        processEnv.put("HOSTNAME", pod.getMetadata().getName());
        processEnv.putAll(env);
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        synchronized (this) {
            processes.put(container.getName(), process);
            tails.put(container.getName(), tail);
        }
        Thread reader = new Thread(() -> stream(process, container, tail), "pod-output");
        reader.setDaemon(true);
        synchronized (this) {
            readers.put(container.getName(), reader);
        }
        reader.start();
    }

    private void stream(Process process, Container container, Deque<String> tail) {
        String prefix = "[pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " "
                + container.getName() + "] ";
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(prefix + line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed and its output closed under the reader: nothing more to stream.
        }
    }

    /**
     * Waits (at most 5 s: a child the process left behind may hold the pipe open) until the container's output is read
     * to its end: under load the reader thread lags behind the exit, and a termination message taken from the logs
     * (FallbackToLogsOnError) would miss the last lines, the ones that say why.
     */
    private void drainOutput(Container container) {
        Thread reader;
        synchronized (this) {
            reader = readers.get(container.getName());
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 137;
        }
    }

    private ContainerStatus running(Container container, Instant started) {
        return new ContainerStatusBuilder().withName(container.getName()).withImage(container.getImage())
                .withImageID("").withContainerID("local://" + processes.get(container.getName()).pid())
                .withReady(true).withStarted(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(started.toString()).endRunning().endState()
                .build();
    }

    private ContainerStatus terminated(Container container, int exitCode, Instant started) {
        return new ContainerStatusBuilder().withName(container.getName()).withImage(container.getImage())
                .withImageID("").withContainerID("local://" + processes.get(container.getName()).pid())
                .withReady(false).withStarted(false).withRestartCount(0)
                .withNewState().withNewTerminated().withExitCode(exitCode)
                .withReason(exitCode == 0 ? "Completed" : "Error")
                .withMessage(terminationMessage(container, exitCode, started))
                .withStartedAt(started.toString()).withFinishedAt(Instant.now().toString())
                .endTerminated().endState()
                .build();
    }

    private String terminationMessage(Container container, int exitCode, Instant started) {
        String path = container.getTerminationMessagePath() == null ? "/dev/termination-log"
                : container.getTerminationMessagePath();
        try {
            Path file = Path.of(path);
            if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isAfter(started)) {
                return truncate(Files.readString(file));
            }
        } catch (IOException | SecurityException e) {
            // Unreadable: fall through to the logs, as kubelet does when the file is empty.
        }
        if (exitCode != 0 && "FallbackToLogsOnError".equals(container.getTerminationMessagePolicy())) {
            Deque<String> tail = tails.get(container.getName());
            synchronized (tail) {
                return truncate(String.join("\n", tail));
            }
        }
        return null;
    }

    private static String truncate(String message) {
        return message.length() <= MESSAGE_LIMIT ? message : message.substring(message.length() - MESSAGE_LIMIT);
    }

    private void fail(String message) {
        writeStatus(NodeAgent.status(pod, "Failed", pod.getSpec().getContainers().stream()
                .map(c -> NodeAgent.waiting(c, "RunContainerError", message)).toList(), message));
    }

    private void writeStatus(PodStatus status) {
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .editStatus(current -> {
                        current.setStatus(status);
                        return current;
                    });
        } catch (KubernetesClientException e) {
            ControlPlane.log("status of pod " + pod.getMetadata().getName() + " not written: " + e.getMessage());
        }
    }
}
