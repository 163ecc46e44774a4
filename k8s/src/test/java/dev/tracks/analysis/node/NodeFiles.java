package dev.tracks.analysis.node;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration files of the real node's parts, as pure functions of their settings. Each setting that differs
 * from the parts' defaults was needed on these machines (a VM with cgroup v1, no registry, no negative
 * oom_score_adj), as the comments say.
 */
final class NodeFiles {

    /** The pods' network: one bridge on this host; Services come from kube-api-test's 10.0.0.0/24. */
    static final String POD_SUBNET = "10.244.0.0/24";

    private NodeFiles() {
    }

    /** containerd 1.6's configuration: everything under {@code directory}, its CRI plugin as the kubelet needs it. */
    static String containerdConfig(Path directory, String sandboxImage, Path cniBinaries, Path cniConfigs) {
        return """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                # The plugins this host cannot use, so that they do not log their failures at every start.
                disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
                  "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs",
                  "io.containerd.internal.v1.tracing", "io.containerd.tracing.processor.v1.otlp"]

                [grpc]
                  address = "%1$s/containerd.sock"

                [plugins."io.containerd.grpc.v1.cri"]
                  # Imported beforehand: no registry is reachable.
                  sandbox_image = "%2$s"
                  # The VM forbids negative oom_score_adj; without this every sandbox fails in runc ("can't get
                  # final child's PID from pipe: EOF").
                  restrict_oom_score_adj = true
                  enable_selinux = false
                  disable_apparmor = true
                  [plugins."io.containerd.grpc.v1.cri".containerd]
                    snapshotter = "overlayfs"
                    default_runtime_name = "runc"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                      runtime_type = "io.containerd.runc.v2"
                      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                        # crun refuses this host's hybrid cgroup layout; Debian's runc works.
                        BinaryName = "runc"
                        SystemdCgroup = false
                  [plugins."io.containerd.grpc.v1.cri".cni]
                    bin_dir = "%3$s"
                    conf_dir = "%4$s"
                """.formatted(directory, sandboxImage, cniBinaries, cniConfigs);
    }

    /**
     * The pods' network (CNI): a bridge with this host as the gateway, addresses from host-local (its state under
     * {@code ipamDirectory}), masquerading for traffic leaving the pod network, and portmap for hostPorts.
     */
    static String cniConfig(String bridge, Path ipamDirectory) {
        return """
                {
                  "cniVersion": "1.0.0",
                  "name": "tracks-pods",
                  "plugins": [
                    {
                      "type": "bridge",
                      "bridge": "%s",
                      "isGateway": true,
                      "ipMasq": true,
                      "hairpinMode": true,
                      "ipam": {
                        "type": "host-local",
                        "ranges": [[{"subnet": "%s"}]],
                        "routes": [{"dst": "0.0.0.0/0"}],
                        "dataDir": "%s"
                      }
                    },
                    {"type": "portmap", "capabilities": {"portMappings": true}}
                  ]
                }
                """.formatted(bridge, POD_SUBNET, ipamDirectory);
    }

    /** The kubelet's configuration (KubeletConfiguration): where it differs from the defaults, and why. */
    static String kubeletConfig(String runtimeSocket, int port, Path podLogs) {
        return """
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                containerRuntimeEndpoint: unix://%s
                # Its own port, so that it never meets another kubelet; no read-only or healthz port.
                port: %d
                readOnlyPort: 0
                healthzPort: 0
                podLogsDir: %s
                # The API server reaches the kubelet (logs, exec) with no client certificate of its own here, so
                # the kubelet lets it in without authentication: a test-only set-up.
                authentication:
                  anonymous:
                    enabled: true
                  webhook:
                    enabled: false
                authorization:
                  mode: AlwaysAllow
                # This host mounts cgroup v1 (hybrid), which kubelet 1.35+ refuses unless told otherwise.
                failCgroupV1: false
                cgroupDriver: cgroupfs
                failSwapOn: false
                # No per-QoS cgroup tree and no node-allocatable enforcement: the host's cgroup v1 layout is not
                # the kubelet's to reorganise. Each container still gets its own cgroup with its limits.
                cgroupsPerQOS: false
                enforceNodeAllocatable: []
                # The eviction manager cannot stat this VM's root block device.
                localStorageCapacityIsolation: false
                serializeImagePulls: false
                rotateCertificates: false
                """.formatted(runtimeSocket, port, podLogs);
    }

    /** A kubeconfig reaching {@code server} with a client certificate. */
    static String kubeconfig(String server, Path caFile, Path certificate, Path key) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: %s
                    certificate-authority: %s
                users:
                - name: node
                  user:
                    client-certificate: %s
                    client-key: %s
                contexts:
                - name: test
                  context:
                    cluster: test
                    user: node
                current-context: test
                """.formatted(server, caFile, certificate, key);
    }

    /**
     * The script kube-api-test starts as "kube-apiserver": the real one, but for two of the flags kube-api-test always
     * passes. It disables the ServiceAccount admission plugin (then pods get no token volume, and the chart's pods
     * could not reach the API server as their ServiceAccounts) and authorizes by RBAC alone (then a kubelet with a
     * node's credentials is refused: RBAC's system:node role is bound to nobody, the Node authorizer grants it).
     */
    static String apiServerWrapper(Path realApiServer) {
        return """
                #!/usr/bin/env bash
                # Written by the real-node tests (dev.tracks.analysis.node.NodeFiles#apiServerWrapper).
                args=()
                while (($#)); do
                  if [[ "$1" == --disable-admission-plugins && "$2" == ServiceAccount ]]; then shift 2; continue; fi
                  if [[ "$1" == --authorization-mode && "$2" == RBAC ]]; then
                    args+=(--authorization-mode Node,RBAC); shift 2; continue
                  fi
                  args+=("$1"); shift
                done
                exec %s "${args[@]}"
                """.formatted(realApiServer);
    }

    /** The subject alternative names of the API server's serving certificate, as openssl's extension takes them. */
    static String subjectAltNames(List<String> ips) {
        return ips.stream().map(ip -> "IP:" + ip).collect(Collectors.joining(",")) + ",DNS:localhost,DNS:kubernetes,"
                + "DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local";
    }
}
