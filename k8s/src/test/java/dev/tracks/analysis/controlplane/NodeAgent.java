package dev.tracks.analysis.controlplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test-only stand-in for the kubelet, since no container runtime exists here: it registers a Node, and runs each
 * pod bound to it as local processes, one per container, from the container's command and args with the pod's
 * environment ({@link PodEnvironment}); the image is not used. It streams the output to the test log, writes the pod
 * status (Running, then Succeeded or Failed with exit codes and termination messages) and kills the processes when
 * the pod is deleted.
 *
 * <p>Deliberate simplifications: restartPolicy is treated as Never (Jobs retry with new pods, which is what the
 * operator's Jobs use); init containers, probes, volumes and resource limits are not supported or enforced; the
 * termination message is read from terminationMessagePath only if the process could write that file, else the
 * FallbackToLogsOnError policy takes the output's tail.
 */
public final class NodeAgent implements AutoCloseable {

    public static final String NODE_NAME = "tracks-test-node";
    static final String ADDRESS = "127.0.0.1";

    private final KubernetesClient client;
    private final Path podsDirectory;
    private final Map<String, PodRun> runs = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "node-agent");
        thread.setDaemon(true);
        return thread;
    });
    private SharedIndexInformer<Pod> informer;

    NodeAgent(KubernetesClient client, Path podsDirectory) {
        this.client = client;
        this.podsDirectory = podsDirectory;
    }

    void start() {
        registerNode();
        informer = client.pods().inAnyNamespace().withField("spec.nodeName", NODE_NAME)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                        sync(pod);
                    }

                    @Override
                    public void onUpdate(Pod oldPod, Pod newPod) {
                        sync(newPod);
                    }

                    @Override
                    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                        PodRun run = runs.remove(pod.getMetadata().getUid());
                        if (run != null) {
                            executor.submit(run::kill);
                        }
                    }
                }, 5_000);
    }

    /** The live process of a container of a pod, if the agent runs it now. */
    public Optional<ProcessHandle> process(String namespace, String podName, String container) {
        return runs.values().stream()
                .filter(run -> run.isPod(namespace, podName))
                .flatMap(run -> run.process(container).stream())
                .filter(ProcessHandle::isAlive)
                .findFirst();
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
        runs.values().forEach(PodRun::kill);
        executor.shutdownNow();
    }

    private void sync(Pod pod) {
        String uid = pod.getMetadata().getUid();
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            PodRun run = runs.remove(uid);
            executor.submit(() -> {
                if (run != null) {
                    run.kill();
                }
                forceDelete(pod);
            });
            return;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        boolean startable = (phase == null || "Pending".equals(phase)) && !finished.contains(uid);
        if (startable && runs.putIfAbsent(uid, new PodRun(client, pod, podsDirectory)) == null) {
            PodRun run = runs.get(uid);
            executor.submit(() -> {
                if (!run.run()) {
                    finished.add(uid);
                }
                runs.remove(uid);
            });
        }
    }

    private void forceDelete(Pod pod) {
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            ControlPlane.log("could not delete pod " + pod.getMetadata().getName() + ": " + e.getMessage());
        }
    }

    private void registerNode() {
        Node node = new NodeBuilder().withNewMetadata().withName(NODE_NAME)
                .addToLabels("kubernetes.io/hostname", NODE_NAME)
                .addToLabels("kubernetes.io/os", "linux")
                .addToLabels("kubernetes.io/arch", "amd64")
                .endMetadata().withNewSpec().endSpec().build();
        if (client.nodes().withName(NODE_NAME).get() == null) {
            client.nodes().resource(node).create();
        }
        // Generous capacity: the processes share this machine, so requests are not what limits them here.
        Map<String, Quantity> capacity = Map.of("cpu", new Quantity("64"), "memory", new Quantity("256Gi"),
                "pods", new Quantity("250"), "ephemeral-storage", new Quantity("500Gi"));
        String now = Instant.now().toString();
        NodeStatus status = new NodeStatusBuilder()
                .withCapacity(capacity).withAllocatable(capacity)
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withMessage("test node agent runs pods as local processes")
                .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition()
                .addNewCondition().withType("MemoryPressure").withStatus("False")
                .withReason("KubeletHasSufficientMemory")
                .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition()
                .addNewCondition().withType("DiskPressure").withStatus("False").withReason("KubeletHasNoDiskPressure")
                .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition()
                .addNewCondition().withType("PIDPressure").withStatus("False").withReason("KubeletHasSufficientPID")
                .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition()
                .addNewAddress().withType("InternalIP").withAddress(ADDRESS).endAddress()
                .addNewAddress().withType("Hostname").withAddress(NODE_NAME).endAddress()
                .withNewNodeInfo().withArchitecture("amd64").withOperatingSystem("linux")
                .withContainerRuntimeVersion("local-process://1").withKubeletVersion("v0-test-node-agent")
                .withOsImage("local").withKernelVersion(System.getProperty("os.version"))
                .withMachineID("tracks-test").withSystemUUID("tracks-test").withBootID("tracks-test")
                .withKubeProxyVersion("").endNodeInfo()
                .build();
        client.nodes().withName(NODE_NAME).editStatus(existing -> {
            existing.setStatus(status);
            return existing;
        });
        // The TaintNodesByCondition admission plugin taints a new node not-ready; without the node lifecycle controller
        // nobody would lift it once the node reports Ready, so the agent does.
        client.nodes().withName(NODE_NAME).edit(existing -> {
            existing.getSpec().setTaints(List.of());
            return existing;
        });
    }

    /** The pod status the agent reports; the scheduler's PodScheduled condition is kept. */
    static PodStatus status(Pod pod, String phase, List<ContainerStatus> containers, String message) {
        List<PodCondition> conditions = new ArrayList<>();
        if (pod.getStatus() != null) {
            pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType()))
                    .forEach(conditions::add);
        }
        boolean ready = "Running".equals(phase);
        String now = Instant.now().toString();
        for (String type : List.of("Initialized", "ContainersReady", "Ready")) {
            boolean value = "Initialized".equals(type) || ready;
            conditions.add(new PodConditionBuilder().withType(type).withStatus(value ? "True" : "False")
                    .withLastTransitionTime(now).withReason(value ? null : "PodCompleted").build());
        }
        PodStatus status = new PodStatus();
        status.setPhase(phase);
        status.setConditions(conditions);
        status.setContainerStatuses(containers);
        status.setHostIP(ADDRESS);
        status.setPodIP(ADDRESS);
        status.setMessage(message);
        status.setStartTime(pod.getStatus() != null && pod.getStatus().getStartTime() != null
                ? pod.getStatus().getStartTime() : now);
        return status;
    }

    static ContainerStatus waiting(Container container, String reason, String message) {
        return new ContainerStatusBuilder().withName(container.getName()).withImage(container.getImage())
                .withImageID("").withReady(false).withRestartCount(0).withStarted(false)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .build();
    }
}
